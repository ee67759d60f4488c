package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CallOptionsMixin;
import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.TaskLinesMixin;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.multiprocessing4j.task.Call;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code producer submit TASK [ARG...]}: run one task on a worker, show its output, print its result. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Runs one task on a worker and waits for it: its printed lines appear as they happen, "
                + "then its result as one line of JSON (nothing if it returned nothing).",
                "Arguments are JSON where they read as JSON (3, 2.5, true, [1,2], {\"a\":1}, \"3\"), text otherwise."},
        footer = {"", "Examples:", "  producer submit square 7", "  producer submit func 'hello 0'",
                "  producer submit run_proc 林一 18 -k 林三=16"})
final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "Registered task name (see 'producer workers').")
    String task;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "Positional arguments.")
    List<String> args;

    @Option(names = {"-k", "--kwarg"}, paramLabel = "NAME=VALUE", description = "Keyword argument (repeatable).")
    List<String> kwargs;

    @Option(names = {"-s", "--strings"}, description = "Send every argument as text, never as JSON.")
    boolean strings;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS",
            description = "Give up after this long, the whole command included, 0 to 31536000 (exit 4); the task is "
                    + "then terminated, as nobody could collect its result ('process start --detach' outlives the command).")
    Double timeoutSeconds;

    @Mixin
    TaskLinesMixin taskLines;

    @Mixin
    CallOptionsMixin callOptions;

    @Override
    public Integer call() throws Exception {
        Deadline deadline = Deadline.of("--timeout", timeoutSeconds);
        Call<Object> call = Call.of(task, JsonArguments.parseAll(args, strings), JsonArguments.parseKeywords(kwargs, strings))
                .with(callOptions.options());
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.withClient(spec, taskLines.printedTo(out), deadline, mp -> {
            AsyncResult<Object> result = mp.pool().applyAsync(call);
            Object value;
            try {
                value = result.get(deadline.left());
            } catch (TaskTimeoutException e) {
                throw deadline.expired(task, "terminated it on its worker");
            }
            if (value != null) {
                out.println(JsonArguments.format(value));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}
