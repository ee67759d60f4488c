package org.multiprocessing4j.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.testkit.ChildProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench}: this project against plain amqp-client request/reply, in one run, on the
 * same broker. Rounds of baseline and project alternate, so both see the same machine noise;
 * the report gives medians over the rounds and the ratios project/baseline.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Throughput, latency, scaling, payloads and memory against a plain amqp-client baseline.")
public final class Bench implements Callable<Integer> {
    /** In flight at once, for the baseline client and for the project's pool alike. */
    static final int IN_FLIGHT = 100;
    private static final String THROUGHPUT = "throughput";
    private static final String LATENCY = "latency";

    @Option(names = "--uri", defaultValue = "${env:AMQP_URI:-amqp://guest:guest@localhost:5672/%2F}",
            description = "Broker URI (default: env AMQP_URI, else localhost).")
    String uri;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds per measurement; the report shows medians.")
    int rounds;

    @Option(names = "--tasks", defaultValue = "10000", description = "Calls per throughput round.")
    int tasks;

    @Option(names = "--sequential", defaultValue = "2000", description = "Calls per latency round (one at a time).")
    int sequential;

    @Option(names = "--waiting", defaultValue = "1000000", description = "Queue depth for the worker memory check.")
    int waiting;

    @Option(names = "--workers", defaultValue = "1,2,4", split = ",", description = "Worker counts for scaling.")
    List<Integer> workerCounts;

    @Option(names = "--out", defaultValue = "bench-results", description = "Directory for the report.")
    Path out;

    private final String namespace = "bench-" + UUID.randomUUID().toString().substring(0, 6);
    private final String baselineQueue = "bench.baseline.requests." + UUID.randomUUID().toString().substring(0, 6);
    /** The same baseline on a quorum queue, the queue type of this project's jobs: shows what that choice costs. */
    private final String quorumBaselineQueue = baselineQueue + ".quorum";
    private final Report report = new Report();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(workerCounts.size() + 3);
        report.setup(uri, rounds, tasks, sequential, waiting);
        try (Roles roles = new Roles(uri, namespace)) {
            for (int workers : workerCounts) {
                throughput(roles, progress, workers);
            }
            latency(roles, progress);
            payloads(roles, progress);
            memory(roles, progress);
        } finally {
            cleanUp();
        }
        String text = report.render();
        System.out.println(text);
        Files.createDirectories(out);
        Path file = out.resolve("bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, text);
        System.err.printf("report written to %s (%.0f s)%n", file, progress.elapsed());
        return 0;
    }

    /** Baseline and project, 100 in flight, no-op work, with `workers` worker (and responder) processes. */
    private void throughput(Roles roles, Progress progress, int workers) {
        progress.step("throughput with " + workers + " worker process" + (workers > 1 ? "es" : "") + ", "
                + IN_FLIGHT + " in flight, " + tasks + " calls per round");
        List<ChildProcess> started = roles.workers(workers, IN_FLIGHT / workers);
        roles.responders(workers, baselineQueue, IN_FLIGHT / workers, false);
        boolean withQuorum = workers == 2;
        if (withQuorum) {
            roles.responders(workers, quorumBaselineQueue, IN_FLIGHT / workers, true);
        }
        try (ClientSession baseline = baselineClient(roles, baselineQueue);
             ClientSession project = projectClient(roles);
             ClientSession quorum = withQuorum ? baselineClient(roles, quorumBaselineQueue) : null) {
            warmUp(progress, THROUGHPUT, tasks, 0, baseline, project, quorum);
            for (int round = 1; round <= rounds; round++) {
                Result baselineRound = baseline.round(THROUGHPUT, tasks, 0, progress, "baseline round " + round);
                Result projectRound = project.round(THROUGHPUT, tasks, 0, progress, "project round " + round);
                report.throughput(workers, baselineRound, projectRound);
                String quorumNote = "";
                if (quorum != null) {
                    Result onQuorum = quorum.round(THROUGHPUT, tasks, 0, progress, "quorum baseline round " + round);
                    report.quorumThroughput(onQuorum);
                    quorumNote = String.format(", baseline on a quorum queue %,.0f calls/s", onQuorum.perSecond());
                }
                progress.note(String.format("round %d: baseline %,.0f calls/s, project %,.0f tasks/s (%.2f)%s", round,
                        baselineRound.perSecond(), projectRound.perSecond(),
                        projectRound.perSecond() / baselineRound.perSecond(), quorumNote));
            }
        }
        report.workerPeakRss(workers, started.stream().mapToDouble(worker -> Memory.peakRssMb(worker.pid())).max().orElse(-1));
        roles.stopServers();
    }

    /** One call at a time: baseline request/reply against sequential Pool.apply. */
    private void latency(Roles roles, Progress progress) {
        progress.step("latency, one call at a time, " + sequential + " calls per round");
        roles.workers(1, 1);
        roles.responders(1, baselineQueue, 1, false);
        roles.responders(1, quorumBaselineQueue, 1, true);
        try (ClientSession baseline = baselineClient(roles, baselineQueue);
             ClientSession project = projectClient(roles);
             ClientSession quorum = baselineClient(roles, quorumBaselineQueue)) {
            // Shorter: one at a time, the round trip through the broker dominates, not compiled code.
            warmUp(progress, LATENCY, Math.max(100, sequential / 4), 0, baseline, project, quorum);
            for (int round = 1; round <= rounds; round++) {
                Result baselineRound = baseline.round(LATENCY, sequential, 0, progress, "baseline round " + round);
                Result projectRound = project.round(LATENCY, sequential, 0, progress, "project round " + round);
                Result onQuorum = quorum.round(LATENCY, sequential, 0, progress, "quorum baseline round " + round);
                report.latency(baselineRound, projectRound);
                report.quorumLatency(onQuorum);
                progress.note(String.format("round %d: p50 baseline %.2f ms, project %.2f ms (%.2f), baseline on a "
                        + "quorum queue %.2f ms", round, baselineRound.p50Ms(), projectRound.p50Ms(),
                        projectRound.p50Ms() / baselineRound.p50Ms(), onQuorum.p50Ms()));
            }
        }
        roles.stopServers();
    }

    /** echo(payload) against request/reply of the same size, 2 workers. */
    private void payloads(Roles roles, Progress progress) {
        progress.step("payloads of 100 B, 10 KB and 1 MB, 2 workers");
        roles.workers(2, IN_FLIGHT / 2);
        roles.responders(2, baselineQueue, IN_FLIGHT / 2, false);
        try (ClientSession baseline = baselineClient(roles, baselineQueue);
             ClientSession project = projectClient(roles)) {
            for (int bytes : new int[] {100, 10_000, 1_000_000}) {
                int calls = bytes >= 1_000_000 ? Math.max(10, tasks / 250) : bytes >= 10_000 ? tasks / 4 : tasks / 2;
                // echo with an argument runs other code than noop: the first size warms it up on both sides.
                warmUp(progress, THROUGHPUT, bytes >= 1_000_000 ? 5 : calls, bytes, baseline, project);
                for (int round = 1; round <= rounds; round++) {
                    String size = Report.size(bytes);
                    Result baselineRound = baseline.round(THROUGHPUT, calls, bytes, progress, size + " baseline round " + round);
                    Result projectRound = project.round(THROUGHPUT, calls, bytes, progress, size + " project round " + round);
                    report.payload(bytes, baselineRound, projectRound);
                }
                progress.note(String.format("%s: baseline %,.0f calls/s, project %,.0f tasks/s", Report.size(bytes),
                        report.medianPayload(bytes, true), report.medianPayload(bytes, false)));
            }
        }
        roles.stopServers();
    }

    /** Worker memory while the jobs queue fills up: it must not grow with the queue (prefetch bounds it). */
    private void memory(Roles roles, Progress progress) throws Exception {
        progress.step("worker memory while " + String.format("%,d", waiting) + " tasks wait in the queue");
        List<ChildProcess> workers = roles.workers(2, 2);
        Thread.sleep(2000);
        report.memorySample(0, rss(workers));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        try (Connection connection = factory.newConnection("bench filler")) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            Topology topology = new Topology(namespace);
            long started = System.nanoTime();
            int step = Math.max(1, waiting / 4);
            for (int i = 1; i <= waiting; i++) {
                String id = UUID.randomUUID().toString();
                JobMessage job = JobMessage.call(id, "sleep", ValueCodec.toJsonList(List.of(3600)), Map.of(), null, 0);
                channel.basicPublish("", topology.jobsQueue(), Envelopes.job(id, null), WireCodec.encode(job));
                if (i % 2000 == 0 || i == waiting) {
                    channel.waitForConfirmsOrDie(60_000);
                    progress.tick(String.format("%,d / %,d waiting (%,.0f published/s), worker RSS %.0f MB", i, waiting,
                            i / ((System.nanoTime() - started) / 1e9), rss(workers)));
                }
                if (i % step == 0) {
                    report.memorySample(i, rss(workers));
                }
            }
            report.fillRate(waiting / ((System.nanoTime() - started) / 1e9));
            progress.note(String.format("worker RSS: %s", report.memorySummary()));
            roles.stopServers();
            channel.queuePurge(topology.jobsQueue());
        }
    }

    /**
     * An untimed round on each client first: fresh servers (workers, responders) and fresh client
     * JVMs alike compile their hot paths before anything is measured.
     */
    private static void warmUp(Progress progress, String mode, int calls, int bytes, ClientSession... clients) {
        for (ClientSession client : clients) {
            if (client != null) {
                client.round(mode, calls, bytes, progress, "warm-up");
            }
        }
    }

    private ClientSession baselineClient(Roles roles, String queue) {
        return roles.client(BaselineClient.class, List.of(uri, queue, String.valueOf(IN_FLIGHT)), "baseline client");
    }

    private ClientSession projectClient(Roles roles) {
        return roles.client(ProjectClient.class, List.of(uri, namespace, String.valueOf(IN_FLIGHT)), "project client");
    }

    private static double rss(List<ChildProcess> workers) {
        return workers.stream().mapToDouble(worker -> Memory.rssMb(worker.pid())).average().orElse(-1);
    }

    private void cleanUp() {
        Topology topology = new Topology(namespace);
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
            try (Connection connection = factory.newConnection("bench cleanup")) {
                for (String queue : List.of(topology.jobsQueue(), topology.deadLettersQueue(), topology.deadNotifyQueue(),
                        topology.cancellationStream(), baselineQueue, quorumBaselineQueue)) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    } catch (Exception ignored) {
                        // not there
                    }
                }
                for (String exchange : List.of(topology.deadLetterExchange(), topology.controlExchange())) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange);
                    } catch (Exception ignored) {
                        // not there
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("bench: could not clean up the broker (" + BrokerSettings.defaults().withUri(uri).maskedUri()
                    + "): " + e.getMessage());
        }
    }
}
