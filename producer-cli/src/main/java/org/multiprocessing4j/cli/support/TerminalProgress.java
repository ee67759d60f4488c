package org.multiprocessing4j.cli.support;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar with rate and ETA on stderr, drawn only on a terminal: in pipes, files and CI logs
 * (no console) it draws nothing, so scripts read clean output.
 */
public final class TerminalProgress implements AutoCloseable {
    private final ProgressBar bar;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    public static TerminalProgress open(String name, long total, boolean quiet) {
        if (quiet || System.console() == null) {
            return new TerminalProgress(null);
        }
        return new TerminalProgress(new ProgressBarBuilder().setTaskName(name).setInitialMax(total).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build());
    }

    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
