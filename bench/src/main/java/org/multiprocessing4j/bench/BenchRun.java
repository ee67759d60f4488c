package org.multiprocessing4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * What a {@link Phase} works with: the settings, the report, the progress line, and helpers that
 * start processes and make broker names the run deletes at its end.
 */
final class BenchRun implements AutoCloseable {
    private final Settings settings;
    private final Report report;
    private final Progress progress;
    private final Roles roles;
    private final String id = UUID.randomUUID().toString().substring(0, 6);
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> queues = new ArrayList<>();
    private final List<String> exchanges = new ArrayList<>();
    private boolean closed;

    BenchRun(Settings settings, Report report, Progress progress) {
        this.settings = settings;
        this.report = report;
        this.progress = progress;
        this.roles = new Roles(settings.uri(), settings.jvmOptions(), settings.profile());
    }

    Settings settings() {
        return settings;
    }

    Report report() {
        return report;
    }

    Progress progress() {
        return progress;
    }

    Roles roles() {
        return roles;
    }

    /** A fresh namespace for this project's topology; every queue and exchange in it is deleted at the end. */
    String namespace(String purpose) {
        String namespace = "bench-" + id + "-" + purpose;
        namespaces.add(namespace);
        return namespace;
    }

    /** A queue name of this run (baseline requests, a peer's queue), deleted at the end. */
    String queue(String purpose) {
        String queue = "bench." + id + "." + purpose;
        queues.add(queue);
        return queue;
    }

    /** An exchange a peer declares, deleted at the end. */
    void exchange(String name) {
        exchanges.add(name);
    }

    /** {@code count} workers of {@code namespace}, {@code concurrency} tasks each, with extra worker options. */
    List<ChildProcess> workers(String namespace, int count, int concurrency, String... options) {
        return roles.workers(namespace, count, concurrency, List.of(options));
    }

    ClientSession baselineClient(String queue) {
        return roles.client(BaselineClient.class, List.of(settings.uri(), queue, String.valueOf(Settings.IN_FLIGHT)),
                "baseline client");
    }

    /** The baseline with quorum queues both ways (requests to a quorum {@code queue}, replies on a quorum queue). */
    ClientSession quorumBaselineClient(String queue) {
        return roles.client(BaselineClient.class,
                List.of(settings.uri(), queue, String.valueOf(Settings.IN_FLIGHT), "quorum"), "quorum baseline client");
    }

    ClientSession projectClient(String namespace) {
        return projectClient(namespace, true);
    }

    /** This project's client; {@code events} false turns the producer's events off too (the "events off" side). */
    ClientSession projectClient(String namespace, boolean events) {
        return roles.client(ProjectClient.class, List.of(settings.uri(), namespace, String.valueOf(Settings.IN_FLIGHT),
                events ? "events" : "no-events"), "project client");
    }

    /** This project's client on a namespace whose jobs queues are of {@code jobsQueue} type (its workers must agree). */
    ClientSession projectClient(String namespace, JobsQueueType jobsQueue) {
        return roles.client(ProjectClient.class, List.of(settings.uri(), namespace, String.valueOf(Settings.IN_FLIGHT),
                "events", jobsQueue.wireName()), "project client (" + jobsQueue.wireName() + " jobs queue)");
    }

    /**
     * An untimed round on each client first: fresh servers and fresh client JVMs alike compile
     * their hot paths before anything is measured.
     */
    void warmUp(String mode, int calls, int arg, ClientSession... clients) {
        for (ClientSession client : clients) {
            if (client != null) {
                client.round(mode, calls, arg, progress, "warm-up");
            }
        }
    }

    /** Idempotent: also called from the shutdown hook when the bench is interrupted (Ctrl-C, SIGTERM). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        roles.close();
        Cleanup.delete(settings.uri(), queues, exchanges);
        namespaces.forEach(namespace -> new TestBroker(settings.uri(), namespace).cleanUp());
    }
}
