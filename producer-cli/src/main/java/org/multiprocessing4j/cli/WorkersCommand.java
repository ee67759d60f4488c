package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import org.multiprocessing4j.cli.support.OptionValues;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.WorkerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code producer workers}: every live worker, as it answers a ping. */
@Command(name = "workers", mixinStandardHelpOptions = true,
        description = "Lists the live workers: name, host, pid, how busy, and (with --tasks) what they can run.")
final class WorkersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final int MAX_WAIT_MILLIS = 600_000;

    @Option(names = "--wait", paramLabel = "MILLIS", defaultValue = "1000",
            description = "How long to collect answers, 1 to " + MAX_WAIT_MILLIS + " ms (default ${DEFAULT-VALUE}).")
    int waitMillis;

    @Option(names = "--tasks", description = "Also list the task names each worker can run.")
    boolean tasks;

    @Override
    public Integer call() throws Exception {
        OptionValues.inRange("--wait", waitMillis, 1, MAX_WAIT_MILLIS);
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
            List<WorkerStatus> workers = mp.workers(Duration.ofMillis(waitMillis));
            if (workers.isEmpty()) {
                out.println("no workers answered (namespace " + mp.settings().namespace() + ")");
                out.flush();
                return ExitCodes.OK;
            }
            out.printf("%-24s %-20s %8s %8s %8s %10s  %-8s %-21s %s%n", "WORKER", "HOST", "PID", "SLOTS", "RUNNING",
                    "COMPLETED", "UP", "NODE", "QUEUES");
            for (WorkerStatus worker : workers) {
                out.printf("%-24s %-20s %8d %8d %8d %10d  %-8s %-21s %s%n", worker.name(), worker.host(), worker.pid(),
                        worker.concurrency(), worker.running(), worker.completed(), uptime(worker.startedAt()),
                        worker.node(), String.join(",", worker.queues()));
                if (tasks) {
                    out.println("    tasks: " + String.join(", ", worker.tasks()));
                }
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    private static String uptime(Instant since) {
        Duration up = Duration.between(since, Instant.now());
        return up.toHours() > 0 ? up.toHours() + "h" + up.toMinutesPart() + "m" : up.toMinutes() + "m" + up.toSecondsPart() + "s";
    }
}
