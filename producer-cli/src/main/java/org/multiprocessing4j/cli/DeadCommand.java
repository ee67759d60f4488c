package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.DeadLetter;
import org.multiprocessing4j.DeadLetters;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer dead list|show|replay|purge}: the jobs that failed for good, and running them again. */
@Command(name = "dead", mixinStandardHelpOptions = true,
        description = "The dead letters: jobs no one will run (poison, unknown task, bad body, retries exhausted, "
                + "expired), why, and running them again once the cause is fixed.",
        subcommands = {DeadCommand.ListLetters.class, DeadCommand.Show.class, DeadCommand.Replay.class,
                DeadCommand.Purge.class},
        footer = {"", "Examples:", "  producer dead list", "  producer dead show 3c4d5e6f-...",
                "  producer dead replay 3c4d5e6f-...      # its original caller, if still waiting, gets the result",
                "  producer dead replay --all", "  producer dead purge"})
final class DeadCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The oldest dead letters, one line each.")
    static final class ListLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("--limit must be from 1 to 100000, got " + limit);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                DeadLetters dead = mp.deadLetters();
                List<DeadLetter> letters = dead.list(limit);
                out.printf("%-36s  %-18s  %-18s  %s%n", "JOB", "TASK", "REASON", "ERROR");
                for (DeadLetter letter : letters) {
                    out.printf("%-36s  %-18s  %-18s  %s%n", letter.jobId(), letter.task(), letter.reason(),
                            letter.error() == null ? "" : abbreviate(letter.error(), 80));
                }
                out.println(letters.size() + " of " + dead.count() + " dead letters");
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter: task, arguments, reason, error.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The job id ('dead list' shows them).")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                DeadLetter letter = mp.deadLetters().show(id).orElseThrow(() -> notFound(id));
                out.println("job:        " + letter.jobId());
                out.println("task:       " + letter.task());
                out.println("queue:      " + letter.queue());
                out.println("reason:     " + letter.reason());
                out.println("error:      " + (letter.error() == null ? "" : letter.error()));
                out.println("arguments:  " + letter.arguments());
                out.println("attempts:   " + letter.attempts());
                out.println("dead since: " + (letter.deadAt() == null ? "?" : letter.deadAt()));
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Sends a dead letter (or all of them) to its queue again, with its id; its original caller, "
                    + "if it still waits, gets the result.")
    static final class Replay implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The job id.")
        String id;

        @Option(names = "--all", description = "Every dead letter.")
        boolean all;

        @Override
        public Integer call() {
            if (all == (id != null)) {
                throw new IllegalArgumentException("give a job id or --all");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                if (all) {
                    out.println("replayed " + mp.deadLetters().replayAll() + " dead letters");
                } else if (mp.deadLetters().replay(id)) {
                    out.println("replayed " + id);
                } else {
                    throw notFound(id);
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Deletes every dead letter.")
    static final class Purge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                spec.commandLine().getOut().println("deleted " + mp.deadLetters().purge() + " dead letters");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }

    private static IllegalArgumentException notFound(String id) {
        return new IllegalArgumentException("no dead letter with job id '" + id + "' ('producer dead list' shows them)");
    }

    private static String abbreviate(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > max ? oneLine.substring(0, max - 3) + "..." : oneLine;
    }
}
