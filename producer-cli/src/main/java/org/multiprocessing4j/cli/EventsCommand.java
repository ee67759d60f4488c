package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code producer events}: the jobs' history, one line per event, then live with --follow. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Shows what happened to jobs (submitted, started, output, progress, retried, finished, dead), "
                + "oldest first, from the events stream; with --follow, then live. Many can watch at once.",
        footer = {"", "Examples:", "  producer events --since 10m", "  producer events --task square --follow"})
final class EventsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "Keep showing new events as they happen (Ctrl-C ends).")
    boolean follow;

    @Option(names = "--task", paramLabel = "NAME", description = "Only this task's events.")
    String task;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "From this long ago (30s, 10m, 2h, 1d) or this instant (2026-12-01T08:00:00Z); default: "
                    + "everything kept (a day by default).")
    String since;

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : parseSince(since);
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
            try (EventFeed feed = mp.history().events(from, task, follow)) {
                for (JobEvent event : feed) {
                    out.println(format(event));
                    out.flush();
                }
            }
            return ExitCodes.OK;
        });
    }

    static String format(JobEvent e) {
        StringBuilder line = new StringBuilder().append(e.at()).append("  ").append(String.format("%-9s", e.type()))
                .append(' ').append(e.jobId()).append(' ').append(e.task());
        if (e.worker() != null) {
            line.append(" on ").append(e.worker()).append(" (pid ").append(e.pid()).append(')');
        }
        if (e.attempt() > 1) {
            line.append(" attempt ").append(e.attempt());
        }
        switch (e.type()) {
            case "submitted" -> line.append(' ').append(e.args());
            case "output" -> line.append(": ").append(e.line());
            case "progress" -> line.append(' ').append(e.progress());
            case "finished" -> line.append(' ').append(e.outcome()).append(" in ").append(e.elapsedMs()).append(" ms")
                    .append(e.error() == null ? "" : ": " + e.error());
            case "retried" -> line.append(" after ").append(e.error()).append(", next in ").append(e.elapsedMs()).append(" ms");
            case "dead" -> line.append(' ').append(e.outcome()).append(e.error() == null ? "" : ": " + e.error());
            default -> { }
        }
        return line.toString();
    }

    static Instant parseSince(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,9}[smhd]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration ago = switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Instant.now().minus(ago);
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since takes a duration (30s, 10m, 2h, 1d) or an instant "
                    + "(2026-12-01T08:00:00Z), got: " + text);
        }
    }
}
