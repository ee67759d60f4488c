package org.multiprocessing4j.cli;

import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.sync.RemoteEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer event set|clear|is-set|wait NAME}: a named Event (Python's multiprocessing.Event) from a terminal. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "A named event (Python's multiprocessing.Event), shared by every machine on the broker; "
                + "made the first time it is named.",
        subcommands = {EventCommand.Set.class, EventCommand.Clear.class, EventCommand.IsSet.class,
                EventCommand.Wait.class},
        footer = {"", "Examples:", "  producer event wait data-ready --timeout 600 && ./consume.sh   # exit 4 if not set in time",
                "  producer event set data-ready", "  producer event is-set data-ready                 # prints true or false",
                "  producer event clear data-ready"})
final class EventCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What the subcommands share: the name and a client holding the event. */
    abstract static class OnEvent implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The event's name: letters, digits, '_', '.', ':', '-'.")
        String name;

        int withEvent(Deadline deadline, EventWork work) throws Exception {
            return CliSupport.withClient(spec, OutputSink.discard(), deadline, mp -> {
                RemoteEvent event = mp.event(name);
                int code = work.run(event);
                spec.commandLine().getOut().flush();
                return code;
            });
        }

        void say(String line) {
            spec.commandLine().getOut().println(line);
        }
    }

    @FunctionalInterface
    interface EventWork {
        int run(RemoteEvent event);
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Sets it: every waiter, on every machine, wakes.")
    static final class Set extends OnEvent {
        @Override
        public Integer call() throws Exception {
            return withEvent(Deadline.none(), event -> {
                event.set();
                say("event " + name + " set");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Clears it: later waits block until the next set.")
    static final class Clear extends OnEvent {
        @Override
        public Integer call() throws Exception {
            return withEvent(Deadline.none(), event -> {
                event.clear();
                say("event " + name + " cleared");
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "is-set", mixinStandardHelpOptions = true, description = "Prints true or false.")
    static final class IsSet extends OnEvent {
        @Override
        public Integer call() throws Exception {
            return withEvent(Deadline.none(), event -> {
                say(String.valueOf(event.isSet()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = "Waits until it is set (at once if it is), woken by the broker; exit 4 if --timeout runs out first.")
    static final class Wait extends OnEvent {
        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Give up after this long (it bounds the whole command), exit 4. Default: as long as it takes.")
        Double timeout;

        @Override
        public Integer call() throws Exception {
            Deadline deadline = Deadline.of("--timeout", timeout);
            return withEvent(deadline, event -> {
                if (!event.await(deadline.left())) {
                    throw new TaskTimeoutException("event '" + name + "' was not set within " + deadline.describe()
                            + " (--timeout)");
                }
                say("event " + name + " is set");
                return ExitCodes.OK;
            });
        }
    }
}
