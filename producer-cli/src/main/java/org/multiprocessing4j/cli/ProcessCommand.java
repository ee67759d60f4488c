package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CallOptionsMixin;
import org.multiprocessing4j.cli.support.CliSupport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.DetachedProcess;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.ProcessStatus;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.errors.TaskTimeoutException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer process start|status|wait|terminate}: a task as a Python Process, looked after from any terminal. */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Runs a task as a process (Python's Process) and looks after it, from this terminal or another.",
        subcommands = {ProcessCommand.Start.class, ProcessCommand.Status.class, ProcessCommand.Wait.class,
                ProcessCommand.Terminate.class},
        footer = {"", "Examples:", "  producer process start worker 5                  # runs it, shows its lines, exits with its exit code",
                "  ID=$(producer process start clock 1 --detach)     # returns at once with its id",
                "  producer process status $ID", "  producer process terminate $ID",
                "  producer process wait $ID                        # its lines so far and to come, then its exit code"})
final class ProcessCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Python exit code -> this command's exit code (0 ok, 1 raised, 6 terminated or killed). */
    static int exitCodeOf(int pythonExitCode) {
        return pythonExitCode == 0 ? ExitCodes.OK : pythonExitCode < 0 ? ExitCodes.TERMINATED : ExitCodes.TASK_FAILED;
    }

    static final class TaskArguments {
        @Parameters(index = "0", paramLabel = "TASK", description = "Registered task name.")
        String task;

        @Parameters(index = "1..*", paramLabel = "ARG", description = "Positional arguments (JSON where they read as JSON).")
        List<String> args;

        @Option(names = {"-k", "--kwarg"}, paramLabel = "NAME=VALUE", description = "Keyword argument (repeatable).")
        List<String> kwargs;

        @Option(names = {"-s", "--strings"}, description = "Send every argument as text, never as JSON.")
        boolean strings;

        Call<Object> call() {
            return Call.of(task, JsonArguments.parseAll(args, strings), JsonArguments.parseKeywords(kwargs, strings));
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Starts TASK as a process on a worker. Without --detach: shows its lines, waits, and exits "
                    + "with its exit code (0, 1 if it raised, 6 if terminated); its id goes to stderr, for "
                    + "'process terminate' from another terminal; Ctrl-C terminates it.",
                    "With --detach: prints its id and returns at once; 'process status/wait/terminate ID' look after it."})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = false, multiplicity = "1")
        TaskArguments target;

        @Option(names = "--name", paramLabel = "NAME", description = "Process name (default Process-1).")
        String name;

        @Option(names = {"-d", "--detach"}, description = "Return at once with the process id.")
        boolean detach;

        @Option(names = {"-v", "--verbose"}, description = "Prefix each printed line with the worker that printed it.")
        boolean verbose;

        @Mixin
        CallOptionsMixin callOptions;

        @Override
        public Integer call() {
            Call<Object> call = target.call().with(callOptions.options());
            PrintWriter out = spec.commandLine().getOut();
            if (detach) {
                try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                    out.println(mp.startDetached(call, name).id());
                }
                out.flush();
                return ExitCodes.OK;
            }
            try (Multiprocessing mp = CliSupport.connect(spec, CliSupport.taskOutput(out, verbose))) {
                RemoteProcess process = mp.process(call);
                if (name != null) {
                    process.setName(name);
                }
                CliSupport.terminateOnInterrupt(mp);
                process.start();
                PrintWriter err = spec.commandLine().getErr();
                err.println(process.name() + " started as " + process.jobId());
                err.flush();
                process.join();
                return exitCodeOf(process.exitCode());
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows a detached process: waiting for a worker, running (where, which pid), or finished "
                    + "(its exit code), and its last lines. Takes nothing away from 'process wait'.")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The id 'process start --detach' printed.")
        String id;

        @Option(names = "--lines", paramLabel = "N", defaultValue = "10", description = "Show the last N lines (default ${DEFAULT-VALUE}).")
        int lines;

        @Override
        public Integer call() {
            ProcessStatus status;
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                status = mp.detachedProcess(id).status();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("process:  " + id);
            String where = status.worker() == null ? "" : status.worker() + " (" + status.host() + ", pid " + status.pid() + ")";
            switch (status.state()) {
                case FINISHED -> out.println("state:    finished, exit code " + status.exitCode()
                        + (where.isEmpty() ? "" : " (ran on " + where + ")"));
                case RUNNING -> out.println("state:    running on " + where
                        + (status.attempt() > 1 ? ", attempt " + status.attempt() : ""));
                case WAITING -> out.println("state:    waiting for a worker");
            }
            List<String> printed = status.lines();
            out.println("output:   " + printed.size() + " lines"
                    + (printed.isEmpty() ? "" : ", the last " + Math.min(lines, printed.size()) + ":"));
            for (String line : printed.subList(Math.max(0, printed.size() - lines), printed.size())) {
                out.println("  " + line);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = "Waits for a detached process: shows all its lines, then exits with its exit code "
                    + "(0, 1 if it raised, 6 if terminated). Collects it: afterwards the id is gone.")
    static final class Wait implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The id 'process start --detach' printed.")
        String id;

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Give up after this long (exit 4); the process keeps running.")
        Double timeoutSeconds;

        @Option(names = {"-v", "--verbose"}, description = "Prefix each printed line with the worker that printed it.")
        boolean verbose;

        @Override
        public Integer call() {
            Duration timeout = timeoutSeconds == null ? null : SubmitCommand.seconds(timeoutSeconds);
            OutputSink sink = CliSupport.taskOutput(spec.commandLine().getOut(), verbose);
            try (Multiprocessing mp = CliSupport.connect(spec, sink)) {
                DetachedProcess process = mp.detachedProcess(id);
                Integer exitCode = process.join(timeout);
                if (exitCode == null) {
                    throw new TaskTimeoutException("process " + id + " did not finish within " + timeoutSeconds
                            + " s (it keeps running)");
                }
                if (exitCode == 1 && process.failure() != null) {
                    spec.commandLine().getErr().println("producer: " + process.failure().getMessage());
                    spec.commandLine().getErr().flush();
                }
                return exitCodeOf(exitCode);
            }
        }
    }

    @Command(name = "terminate", mixinStandardHelpOptions = true,
            description = "Terminates a process (or any job) by id, wherever it is: removed before it starts, "
                    + "or interrupted on its worker. Works for attached and detached processes.")
    static final class Terminate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The process id (printed by 'process start').")
        String id;

        @Option(names = "--kill", description = "Kill instead (exit code -9): do not wait for the task to notice.")
        boolean kill;

        @Override
        public Integer call() {
            try (Multiprocessing mp = CliSupport.connect(spec, OutputSink.discard())) {
                if (kill) {
                    mp.kill(id);
                } else {
                    mp.terminate(id);
                }
            }
            spec.commandLine().getOut().println((kill ? "kill" : "terminate") + " requested for " + id);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
