package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OptionValues;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.errors.QueueNotFoundException;
import org.multiprocessing4j.queue.JoinableQueue;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.queue.Replication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer queue create|put|get|size|delete}: named queues, so one machine can write and another read. */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Named queues on the broker (Python's multiprocessing.Queue), shared by every machine.",
        subcommands = {QueueCommand.Create.class, QueueCommand.Put.class, QueueCommand.Get.class,
                QueueCommand.Size.class, QueueCommand.Delete.class, JoinableQueueCommands.TaskDone.class,
                JoinableQueueCommands.Join.class},
        footer = {"", "Examples:", "  producer queue create jobs-done --maxsize 100",
                "  producer queue put jobs-done '{\"id\": 7}' hello 42     # three items: an object, a string, a number",
                "  producer queue get jobs-done --timeout 5             # one item as JSON, or exit 5 if none came",
                "  producer queue size jobs-done", "  producer queue delete jobs-done",
                "  producer queue create work --joinable               # Python's JoinableQueue",
                "  producer queue join work --timeout 60               # until every item put was marked done"})
final class QueueCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** RabbitMQ keeps a bounded queue's length as a 32-bit number; a bound past a billion is a typo. */
    static final int MAX_MAXSIZE = 1_000_000_000;
    static final int MAX_COUNT = 1_000_000;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a durable queue (or checks an existing one has the same maxsize).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-m", "--maxsize"}, paramLabel = "N", defaultValue = "0",
                description = "Bound: puts wait (or fail) while it holds N items; 0 for unbounded (default), at most "
                        + MAX_MAXSIZE + ".")
        int maxsize;

        @Option(names = "--joinable", description = "A JoinableQueue: counts items until marked done "
                + "('queue task-done'), for 'queue join'. Unbounded.")
        boolean joinable;
        @Option(names = "--replicated", description = "A replicated (quorum) queue: on a cluster it keeps working while a"
                + " node is down. Slower than the default, which lives on one node; cannot change once it exists.")
        boolean replicated;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--maxsize", maxsize, 0, MAX_MAXSIZE);
            if (joinable && maxsize > 0) {
                throw new IllegalArgumentException("a joinable queue is unbounded: give --joinable or --maxsize, not both");
            }
            return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                if (joinable) {
                    RemoteQueue queue = mp.joinableQueue(name);
                    spec.commandLine().getOut().println("joinable queue " + queue.name() + " ready, " + queue.qsize() + " items");
                    spec.commandLine().getOut().flush();
                    return ExitCodes.OK;
                }
                requireSameBoundIfExists(mp, name, maxsize);
                RemoteQueue queue = mp.queue(name, maxsize, replicated ? Replication.REPLICATED : Replication.SINGLE_NODE);
                spec.commandLine().getOut().println("queue " + queue.name() + " ready"
                        + (maxsize > 0 ? " (maxsize " + maxsize + ")" : " (unbounded)") + (replicated ? ", replicated" : "")
                        + ", " + queue.qsize() + " items");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }

        /** An existing queue keeps its bound (RabbitMQ cannot change it): say so, as a usage error. */
        private static void requireSameBoundIfExists(Multiprocessing mp, String name, int maxsize) {
            RemoteQueue existing;
            try {
                existing = mp.openQueue(name);
            } catch (QueueNotFoundException e) {
                return;
            }
            if (existing.maxsize() != maxsize) {
                throw new IllegalArgumentException("queue '" + name + "' already exists "
                        + (existing.maxsize() == 0 ? "unbounded" : "with maxsize " + existing.maxsize())
                        + "; a queue's maxsize cannot change: use it as it is, or 'queue delete " + name
                        + "' first (its items go with it)");
            }
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Adds items, in order. Items are JSON where they read as JSON, text otherwise. "
                    + "On a full queue: waits (at most --timeout, then exit 5), or fails at once with --nowait.")
    static final class Put implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ITEM")
        List<String> items;

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Wait at most this long for room, for all the items and the whole command, 0 to 31536000.")
        Double timeoutSeconds;

        @Option(names = "--nowait", description = "Fail at once if the queue is full (put_nowait).")
        boolean nowait;

        @Option(names = {"-s", "--strings"}, description = "Send every item as text, never as JSON.")
        boolean strings;

        @Override
        public Integer call() throws Exception {
            Deadline deadline = waitOrNot(nowait, timeoutSeconds);
            List<Object> values = JsonArguments.parseAll(items, strings);
            return CliSupport.withClient(spec, OutputSink.discard(), deadline, mp -> {
                RemoteQueue queue = JoinableQueueCommands.forPut(mp, name);
                for (Object value : values) {
                    if (nowait) {
                        queue.putNowait(value);
                    } else {
                        queue.put(value, deadline.left());
                    }
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Takes items and prints each as one line of JSON. Waits for them (at most --timeout, "
                    + "then exit 5), or takes only what is there with --nowait.")
    static final class Get implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Wait at most this long, for all the items and the whole command, 0 to 31536000.")
        Double timeoutSeconds;

        @Option(names = "--nowait", description = "Fail at once if the queue is empty (get_nowait).")
        boolean nowait;

        @Option(names = {"-n", "--count"}, paramLabel = "N", defaultValue = "1",
                description = "How many items to take, 1 to " + MAX_COUNT + " (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--task-done", description = "On a joinable queue: mark each item done once printed "
                + "(required there: an item taken and not marked done goes back when this command ends).")
        boolean taskDone;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--count", count, 1, MAX_COUNT);
            Deadline deadline = waitOrNot(nowait, timeoutSeconds);
            PrintWriter out = spec.commandLine().getOut();
            return CliSupport.withClient(spec, OutputSink.discard(), deadline, mp -> {
                JoinableQueue joinable = JoinableQueueCommands.joinableOrNull(mp, name);
                if ((joinable != null) != taskDone) {
                    throw new IllegalArgumentException(taskDone ? "--task-done is for joinable queues; '" + name
                            + "' is a plain queue" : "queue '" + name + "' is joinable: add --task-done (an item "
                            + "taken here and not marked done would go back to the queue when this command ends)");
                }
                RemoteQueue queue = joinable != null ? joinable : mp.openQueue(name);
                for (int i = 0; i < count; i++) {
                    Object item = nowait ? queue.getNowait() : deadline.bounded() ? queue.get(deadline.left()) : queue.get();
                    out.println(JsonArguments.format(item)); // printed as soon as taken: nothing taken is lost
                    out.flush();
                    if (joinable != null) {
                        joinable.taskDone();
                    }
                }
                return ExitCodes.OK;
            });
        }
    }

    /** --nowait takes what is there; --timeout bounds a wait: one or the other. */
    private static Deadline waitOrNot(boolean nowait, Double timeoutSeconds) {
        if (nowait && timeoutSeconds != null) {
            throw new IllegalArgumentException("give --nowait or --timeout, not both");
        }
        return Deadline.of("--timeout", timeoutSeconds);
    }

    @Command(name = "size", mixinStandardHelpOptions = true, description = "Prints the number of items waiting.")
    static final class Size implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                spec.commandLine().getOut().println(mp.openQueue(name).qsize());
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes the queue and any items in it.")
    static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                RemoteQueue queue = JoinableQueueCommands.forPut(mp, name); // a joinable one takes its counts along
                int items = queue.qsize();
                queue.delete();
                spec.commandLine().getOut().println("deleted queue " + name + (items > 0 ? " and its " + items + " items" : ""));
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            });
        }
    }
}
