package org.multiprocessing4j.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.sync.RemoteLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code producer lock NAME [--timeout T] -- COMMAND...}: flock(1) across machines. Holds the named
 * Lock (the same one {@code mp.lock("NAME")} opens) while COMMAND runs, then exits with its code. If
 * this program dies (kill -9, lost link), the broker releases the lock by itself.
 */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Runs COMMAND while holding the named lock (Python's multiprocessing.Lock), shared by every "
                + "machine on the broker; exits with COMMAND's exit code. If this program dies, the broker releases "
                + "the lock within about two heartbeats.",
        footer = {"", "Examples:", "  producer lock nightly-report -- ./make-report.sh --full",
                "  producer lock db-migrate --timeout 30 -- flyway migrate   # exit 4 if not ours within 30 s"})
final class LockCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The lock's name: letters, digits, '_', '.', ':', '-'.")
    String name;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*",
            description = "The command and its arguments (after --, so its options are not taken for ours).")
    List<String> command;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Wait at most this long for the lock, then exit 4 without running COMMAND "
                    + "(default: as long as it takes). COMMAND itself then runs as long as it takes.")
    Double timeout;

    @Override
    public Integer call() throws Exception {
        Deadline wait = Deadline.of("--timeout", timeout); // refused before connecting when out of range
        return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
            RemoteLock lock = mp.lock(name);
            if (!lock.acquire(true, wait.left())) {
                throw new TaskTimeoutException("lock '" + name + "' is held elsewhere; not acquired within "
                        + wait.describe() + " (--timeout); did not run " + command.get(0));
            }
            try {
                return runHolding();
            } finally {
                lock.release();
            }
        });
    }

    private int runHolding() throws InterruptedException {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + command.get(0) + ": " + e.getMessage());
        }
        try {
            return child.waitFor();
        } finally {
            if (child.isAlive()) {
                child.destroy(); // we were interrupted (Ctrl-C): the command stops with us
            }
        }
    }
}
