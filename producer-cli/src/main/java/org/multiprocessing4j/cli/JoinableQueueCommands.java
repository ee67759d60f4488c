package org.multiprocessing4j.cli;

import java.util.concurrent.Callable;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OptionValues;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code producer queue task-done|join} for JoinableQueues (made with {@code queue create --joinable}),
 * and how the other queue commands tell a joinable queue from a plain one.
 */
final class JoinableQueueCommands {
    private JoinableQueueCommands() {
    }

    /** The joinable queue of that name, or null if the queue is a plain one (or does not exist). */
    static JoinableQueue joinableOrNull(Multiprocessing mp, String name) {
        try {
            return mp.openJoinableQueue(name);
        } catch (QueueNotFoundException plain) {
            return null;
        }
    }

    /** A put must go through the joinable queue when it is one, so that its item is counted unfinished. */
    static RemoteQueue forPut(Multiprocessing mp, String name) {
        JoinableQueue joinable = joinableOrNull(mp, name);
        return joinable != null ? joinable : mp.openQueue(name);
    }

    @Command(name = "task-done", mixinStandardHelpOptions = true,
            description = "Marks items of a joinable queue done (Python's task_done), as a consumer that took "
                    + "them elsewhere would; exit 2 if fewer were unfinished.")
    static final class TaskDone implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
                description = "How many, 1 to " + QueueCommand.MAX_COUNT + " (default ${DEFAULT-VALUE}).")
        int count;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--count", count, 1, QueueCommand.MAX_COUNT);
            return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                JoinableQueue queue = requireJoinable(mp, name);
                for (int i = 0; i < count; i++) {
                    queue.taskDone();
                }
                spec.commandLine().getOut().println(queue.unfinishedTasks() + " unfinished");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Waits until every item put to a joinable queue has been marked done (Python's join); "
                    + "woken by the broker, it does not poll. Exit 4 if --timeout passes first.")
    static final class Join implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Wait at most this long, 0 to 31536000.")
        Double timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            Deadline deadline = Deadline.of("--timeout", timeoutSeconds);
            return CliSupport.withClient(spec, OutputSink.discard(), deadline, mp -> {
                JoinableQueue queue = requireJoinable(mp, name);
                if (!queue.join(deadline.bounded() ? deadline.left() : null)) {
                    throw new TaskTimeoutException(queue.unfinishedTasks() + " items of '" + name
                            + "' still unfinished after " + deadline.describe());
                }
                spec.commandLine().getOut().println("all items of " + name + " done");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }
    }

    private static JoinableQueue requireJoinable(Multiprocessing mp, String name) {
        JoinableQueue queue = joinableOrNull(mp, name);
        if (queue == null) {
            mp.openQueue(name); // no such queue at all: QueueNotFoundException says so
            throw new IllegalArgumentException("queue '" + name + "' is not joinable (create one with "
                    + "'queue create NAME --joinable')");
        }
        return queue;
    }
}
