package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer logs ID}: one job's lines from the first, its progress and how it ended; live with --follow. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Shows what a job printed, from its first line (whoever submitted it, on any machine), its "
                + "progress, retries and outcome; with --follow, waits for the rest and its end. Exits 0 if it "
                + "succeeded, 1 if it failed, 6 if terminated, 4 if it has not ended (without --follow).",
        footer = {"", "Examples:", "  producer logs 3c4d5e6f-...", "  producer logs 3c4d5e6f-... --follow"})
final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id (printed by 'process start', 'producer events', the dashboard).")
    String id;

    @Option(names = {"-f", "--follow"}, description = "Wait for the job's next lines and its end.")
    boolean follow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
            try (EventFeed log = mp.history().logs(id, follow)) {
                return show(log, out, err);
            }
        });
    }

    private int show(EventFeed log, PrintWriter out, PrintWriter err) {
        int attempt = 1;
        JobEvent end = null;
        boolean seen = false;
        for (JobEvent event : log) {
            seen = true;
            if (event.attempt() > attempt) {
                attempt = event.attempt();
                out.println("--- attempt " + attempt + " ---");
            }
            switch (event.type()) {
                case "output" -> out.println(event.line());
                case "progress" -> err.println("progress " + event.progress() + " ("
                        + Math.round(event.progress().fraction() * 100) + "%)");
                case "retried" -> err.println("attempt " + event.attempt() + " failed (" + event.error() + "); retrying");
                default -> { }
            }
            if (event.ends()) {
                end = event;
            }
            out.flush();
            err.flush();
        }
        if (!seen) {
            throw new IllegalArgumentException("no events for job '" + id + "' (unknown id, events off, or older "
                    + "than the history's retention)");
        }
        if (end == null) {
            err.println("producer: job " + id + " has not ended yet (--follow waits for it)");
            err.flush();
            return ExitCodes.TIMEOUT;
        }
        err.println("job " + id + ": " + (end.type().equals("dead") ? "dead letter (" + end.outcome() + ")" : end.outcome())
                + (end.error() == null ? "" : ": " + end.error()));
        err.flush();
        return switch (end.outcome()) {
            case "ok" -> ExitCodes.OK;
            case "terminated", "killed" -> ExitCodes.TERMINATED;
            default -> ExitCodes.TASK_FAILED;
        };
    }
}
