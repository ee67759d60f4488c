package org.multiprocessing4j.faults.ha;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputLine;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.WorkerStatus;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateCluster;
import org.multiprocessing4j.testkit.Workers;

/**
 * Producers and workers on a {@link PrivateCluster}, where their queues live, and what the
 * scenarios check about output lines and running jobs.
 */
final class ClusterClients implements AutoCloseable {
    private static final Pattern LOG_HEADER = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} [A-Z]+ ");
    private static final Pattern NODE_LINE = Pattern.compile("(?:re)?connected to node [^ ]+:(\\d+)");

    private final PrivateCluster cluster;
    private final String namespace;
    private final List<ChildProcess> workers = new ArrayList<>();
    private long declaredAt = System.nanoTime();

    ClusterClients(PrivateCluster cluster, String namespace) {
        this.cluster = cluster;
        this.namespace = namespace;
    }

    /** A producer with a 2 s heartbeat (a dead link noticed within seconds). */
    Multiprocessing producer(String uri) {
        return producer(uri, OutputSink.discard());
    }

    Multiprocessing producer(String uri, OutputSink output) {
        return Multiprocessing.builder().settings(BrokerSettings.defaults().withUri(uri).withNamespace(namespace)
                .withHeartbeat(Duration.ofSeconds(2)).withConnectTimeout(Duration.ofSeconds(30)))
                .output(output).connect();
    }

    /** Waits until every process has been taken by a worker (it has a pid). */
    static void awaitStarted(List<RemoteProcess> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(p -> p.pid() == null) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long started = processes.stream().filter(p -> p.pid() != null).count();
        if (started < processes.size()) {
            throw new AssertionError("only " + started + " of " + processes.size() + " processes started within " + timeout);
        }
    }

    /** Jobs the namespace's workers are running, once it is 0 or {@code timeout} has passed. */
    int runningOnWorkers(Multiprocessing mp, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int running;
        do {
            running = mp.workers(Duration.ofSeconds(1)).stream().mapToInt(WorkerStatus::running).sum();
            if (running == 0) {
                return 0;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return running;
    }

    static void awaitLines(List<OutputLine> shown, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (shown.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (shown.size() < count) {
            throw new AssertionError("only " + shown.size() + " output lines within " + timeout + ": " + shown);
        }
    }

    /**
     * The lines shown for one job of {@code lines} ticks come from one run each between restart
     * markers ("--- job ... restarted ..."): a run's lines in order from "tick 1", each run from one
     * worker (never the producer), a newer attempt after each marker, and the last run complete.
     */
    static void assertOneRunPerMarker(List<OutputLine> shown, int lines, long producerPid, long... workerPids) {
        List<List<OutputLine>> runs = new ArrayList<>();
        runs.add(new ArrayList<>());
        int markers = 0;
        for (OutputLine line : shown) {
            if (line.text().startsWith("--- job ") && line.text().contains(" restarted on ")) {
                markers++;
                runs.add(new ArrayList<>());
            } else {
                runs.get(runs.size() - 1).add(line);
            }
        }
        int previousAttempt = 0;
        for (List<OutputLine> run : runs) {
            if (run.isEmpty()) {
                throw new AssertionError("a restart marker with no line after it, or before any line: " + shown);
            }
            for (int i = 0; i < run.size(); i++) {
                OutputLine line = run.get(i);
                if (!line.text().equals("tick " + (i + 1) + " of f") || line.pid() != run.get(0).pid()
                        || line.attempt() != run.get(0).attempt()) {
                    throw new AssertionError("run " + run.get(0).attempt() + " is spliced at its line " + (i + 1) + ": " + shown);
                }
            }
            if (run.get(0).pid() == producerPid || java.util.Arrays.stream(workerPids).noneMatch(pid -> pid == run.get(0).pid())) {
                throw new AssertionError("lines not from a worker: " + run);
            }
            if (run.get(0).attempt() <= previousAttempt) {
                throw new AssertionError("a marker before an attempt that is not newer: " + shown);
            }
            previousAttempt = run.get(0).attempt();
        }
        if (runs.get(runs.size() - 1).size() != lines) {
            throw new AssertionError("the last run shown is not complete (" + markers + " markers): " + shown);
        }
    }

    /** A worker JVM, ready (subscribed to jobs), its log with times and what Connector sees at debug level. */
    ChildProcess worker(String name, String uri, int concurrency) {
        ChildProcess worker = ChildProcess.start(name, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-Dorg.slf4j.simpleLogger.log.org.multiprocessing4j.internal.amqp.Connector=debug",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"),
                Workers.MAIN, List.of("--uri", uri, "--namespace", namespace, "--concurrency", String.valueOf(concurrency),
                        "--name", name, "--heartbeat", "2"), java.util.Map.of());
        workers.add(worker);
        return Workers.awaitReady(worker);
    }

    /**
     * A worker given every node that landed on a node {@code wanted} accepts: the shuffle decides
     * where a client goes, so this starts workers until one lands right (a few tries).
     */
    ChildProcess workerWhere(String name, IntPredicate wanted, int concurrency) {
        return workerWhere(name, cluster.uri(), wanted, concurrency);
    }

    ChildProcess workerWhere(String name, String uri, IntPredicate wanted, int concurrency) {
        // 25 tries: with 3 live nodes, 10 wrong landings in a row (2/3 each) came once in a CI run (1.7%).
        List<Integer> landed = new ArrayList<>();
        for (int attempt = 1; attempt <= 25; attempt++) {
            ChildProcess worker = worker(name + (attempt == 1 ? "" : "-" + attempt), uri, concurrency);
            int node = nodeOf(worker);
            if (wanted.test(node)) {
                return worker;
            }
            landed.add(node);
            Workers.stopAll(List.of(worker), Duration.ofSeconds(10));
            workers.remove(worker);
        }
        throw new AssertionError("25 workers in a row connected to the wrong node (nodes " + landed
                + "): is the node list shuffled, is the wanted node up?");
    }

    /** The node a worker is on now, from its log ("connected to node h:p", "reconnected to node h:p"). */
    int nodeOf(ChildProcess worker) {
        int port = -1;
        for (String line : worker.stderr()) {
            Matcher matcher = NODE_LINE.matcher(line);
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
            }
        }
        if (port < 0) {
            throw new AssertionError("the worker did not log its node:\n" + worker.describe());
        }
        return cluster.nodeOnPort(port);
    }

    /**
     * For a failover that takes too long: the worker's thread dump (jstack) if no result came
     * within {@code wait}, else null. What the worker was blocked on is the diagnosis.
     */
    static String threadDumpIfNoResult(ChildProcess worker, Tally tally, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (tally.results() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (tally.results() > 0) {
            return null;
        }
        return ChildProcess.run(List.of("jstack", String.valueOf(worker.pid())), java.util.Map.of(), Duration.ofSeconds(30)).text();
    }

    /** Log lines (with times) whose stack trace is printed at a level above debug: there should be none. */
    static List<String> stackTracesAboveDebug(List<String> log) {
        List<String> offending = new ArrayList<>();
        String header = "";
        for (String line : log) {
            if (LOG_HEADER.matcher(line).find()) {
                header = line;
            } else if (line.startsWith("\tat ") && !header.contains(" DEBUG ") && !offending.contains(header)) {
                offending.add(header);
            }
        }
        return offending;
    }

    /** The namespace's queues and exchanges, declared by a client of {@code node}: the classic ones live there. */
    void declareTopologyOn(int node) throws Exception {
        Topology topology = new Topology(namespace);
        try (Connection connection = plainConnection(node); Channel channel = connection.createChannel()) {
            topology.declareJobs(channel);
            topology.declareControl(channel);
            topology.declareCancellations(channel);
        }
        declaredAt = System.nanoTime();
    }

    /**
     * Waits until the namespace's queues were last declared 2 s ago: a quorum queue killed within 1-2 s
     * of its declaration can lose its leader (Ra, 3.10.8). Called just before the fault, not just after
     * the declaration, so the setup in between counts: every queue is at least as old at the fault as
     * with a 2 s sleep after the declaration.
     */
    void awaitQueuesTwoSecondsOld() throws InterruptedException {
        Thread.sleep(Math.max(0, 2000 - (System.nanoTime() - declaredAt) / 1_000_000));
    }

    /** Declares the jobs quorum queue again from {@code node}, which makes that node its leader. */
    void moveJobsQueueTo(int node) throws Exception {
        Topology topology = new Topology(namespace);
        try (Connection connection = plainConnection(node); Channel channel = connection.createChannel()) {
            channel.queueDelete(topology.jobsQueue());
            topology.declareJobs(channel);
        }
        declaredAt = System.nanoTime();
    }

    String jobsQueue() {
        return new Topology(namespace).jobsQueue();
    }

    private Connection plainConnection(int node) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(cluster.uriOf(node));
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("mp4j-test-admin");
    }

    /** SIGTERM to every worker started here (they finish what they hold), kill -9 after 15 s. */
    @Override
    public void close() {
        Workers.stopAll(workers, Duration.ofSeconds(15));
        workers.clear();
    }
}
