package org.multiprocessing4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.DetachedProcess;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.ProcessStatus;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.cli.support.CallOptionsMixin;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OneLine;
import org.multiprocessing4j.cli.support.OptionValues;
import org.multiprocessing4j.cli.support.TaskLinesMixin;
import org.multiprocessing4j.task.Call;
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
    static final int MAX_LINES = 100_000;
    static final int MAX_ID_LENGTH = 100;

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

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Without --detach: give up after this long, the whole command included, 0 to 31536000 "
                        + "(exit 4); the process is then terminated.")
        Double timeoutSeconds;

        @Mixin
        TaskLinesMixin taskLines;

        @Mixin
        CallOptionsMixin callOptions;

        @Override
        public Integer call() throws Exception {
            Deadline deadline = Deadline.of("--timeout", timeoutSeconds);
            if (detach && deadline.bounded()) {
                throw new IllegalArgumentException("--timeout is for waiting: a process started with --detach returns at "
                        + "once ('process wait ID --timeout S' waits for it)");
            }
            OptionValues.printable("--name", OptionValues.notEmpty("--name", name), false);
            Call<Object> call = target.call().with(callOptions.options());
            PrintWriter out = spec.commandLine().getOut();
            if (detach) {
                return CliSupport.withClient(spec, OutputSink.discard(), deadline, mp -> {
                    out.println(mp.startDetached(call, name).id());
                    out.flush();
                    return ExitCodes.OK;
                });
            }
            return CliSupport.withClient(spec, taskLines.printedTo(out), deadline, mp -> {
                RemoteProcess process = mp.process(call);
                if (name != null) {
                    process.setName(name);
                }
                process.start();
                PrintWriter err = spec.commandLine().getErr();
                err.println(process.name() + " started as " + process.jobId());
                err.flush();
                process.join(deadline.left());
                if (process.isAlive()) {
                    throw deadline.expired("process " + process.name(), "terminated it");
                }
                return exitCodeOf(process.exitCode());
            });
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

        @Option(names = "--lines", paramLabel = "N", defaultValue = "10",
                description = "Show the last N lines, 0 to " + MAX_LINES + " (default ${DEFAULT-VALUE}).")
        int lines;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--lines", lines, 0, MAX_LINES);
            String checked = checkId(id);
            return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                print(mp.detachedProcess(checked).status());
                return ExitCodes.OK;
            });
        }

        private void print(ProcessStatus status) {
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

        @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
                description = "Give up after this long, the whole command included, 0 to 31536000 (exit 4); "
                        + "the process keeps running and can be waited for again.")
        Double timeoutSeconds;

        @Mixin
        TaskLinesMixin taskLines;

        @Override
        public Integer call() throws Exception {
            Deadline deadline = Deadline.of("--timeout", timeoutSeconds);
            String checked = checkId(id);
            OutputSink sink = taskLines.printedTo(spec.commandLine().getOut());
            return CliSupport.withClient(spec, sink, deadline, mp -> {
                DetachedProcess process = mp.detachedProcess(checked);
                Integer exitCode = process.join(deadline.left());
                if (exitCode == null) {
                    throw deadline.expired("process " + checked, "it keeps running");
                }
                if (exitCode == 1 && process.failure() != null) {
                    spec.commandLine().getErr().println("producer: " + OneLine.of(process.failure().getMessage()));
                    spec.commandLine().getErr().flush();
                }
                return exitCodeOf(exitCode);
            });
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
        public Integer call() throws Exception {
            String checked = checkId(id);
            CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
                if (kill) {
                    mp.kill(checked);
                } else {
                    mp.terminate(checked);
                }
                return ExitCodes.OK;
            });
            spec.commandLine().getOut().println((kill ? "kill" : "terminate") + " requested for " + checked);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** An id as 'process start' prints them: one printable word of at most 100 characters (PROTOCOL.md). */
    static String checkId(String id) {
        OptionValues.printable("ID", OptionValues.notEmpty("ID", id), false);
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("no process has the id " + OptionValues.quoted(id)
                    + ": ids are one word of at most " + MAX_ID_LENGTH + " characters, as 'process start' prints them");
        }
        return id;
    }
}
