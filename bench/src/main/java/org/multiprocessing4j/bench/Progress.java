package org.multiprocessing4j.bench;

import java.io.PrintStream;

/** A live line on stderr: the step, and a counter that rewrites itself while a step runs. */
final class Progress {
    private final PrintStream out = System.err;
    private final long started = System.nanoTime();
    private final int steps;
    private int step;
    private boolean live;

    Progress(int steps) {
        this.steps = steps;
    }

    void step(String what) {
        endLive();
        step++;
        out.printf("[%3.0fs] (%d/%d) %s%n", elapsed(), step, steps, what);
        out.flush();
    }

    private final boolean terminal = System.console() != null;
    private long lastPlainTick;

    /** Rewrites the current status line in place (on a terminal); elsewhere a line every 10 s. */
    void tick(String status) {
        if (terminal) {
            out.printf("\r        %-100s", status);
            out.flush();
            live = true;
        } else if (System.nanoTime() - lastPlainTick > 10_000_000_000L) {
            lastPlainTick = System.nanoTime();
            out.println("        " + status);
            out.flush();
        }
    }

    void note(String line) {
        endLive();
        out.println("        " + line);
        out.flush();
    }

    double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void endLive() {
        if (live) {
            out.println();
            live = false;
        }
    }
}
