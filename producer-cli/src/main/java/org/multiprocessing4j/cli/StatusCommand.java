package org.multiprocessing4j.cli;

import org.multiprocessing4j.cli.support.CliSupport;
import org.multiprocessing4j.cli.support.Deadline;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.WorkerStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code producer status}: the cluster at a glance. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the broker, the jobs waiting, the dead letters and the live workers.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return CliSupport.withClient(spec, OutputSink.discard(), Deadline.none(), mp -> {
            List<WorkerStatus> workers = mp.workers(Duration.ofSeconds(1));
            int slots = workers.stream().mapToInt(WorkerStatus::concurrency).sum();
            int running = workers.stream().mapToInt(WorkerStatus::running).sum();
            out.println("broker:        " + CliSupport.redact(spec, mp.settings().maskedUri())
                    + " (namespace " + mp.settings().namespace() + "), this client on node " + mp.brokerNode());
            out.println("jobs waiting:  " + mp.jobsWaiting());
            out.println("dead letters:  " + mp.deadLetters().count());
            out.println("workers:       " + workers.size() + " (" + running + " of " + slots + " slots busy)"
                    + (workers.isEmpty() ? "" : ", on nodes " + workers.stream().map(WorkerStatus::node).distinct().sorted()
                    .collect(java.util.stream.Collectors.joining(", "))));
            out.println("results kept:  " + workers.stream().mapToLong(WorkerStatus::resultsKept).sum()
                    + " (their reply queue was missing: kept for their producer)");
            out.println("handed back:   " + workers.stream().mapToLong(WorkerStatus::resultsHandedBack).sum()
                    + " (results that could not be delivered nor kept: their jobs run again)");
            out.flush();
            return ExitCodes.OK;
        });
    }
}
