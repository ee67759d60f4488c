package org.multiprocessing4j.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.QueueDepths;
import org.multiprocessing4j.WorkerStatus;
import org.multiprocessing4j.task.CallOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the live workers (a ping) and the queue depths every {@link #PERIOD} on one thread, so page
 * viewers cost the broker nothing: however many pages are open, the broker sees one reader.
 */
final class ClusterPoller implements Runnable {
    static final Duration PERIOD = Duration.ofSeconds(2);
    /** How long a ping collects answers: a worker busy with a full slot set still answers within it. */
    private static final Duration PING_WAIT = Duration.ofMillis(700);
    private static final Logger log = LoggerFactory.getLogger(ClusterPoller.class);

    private final Multiprocessing mp;
    private final UserQueues userQueues;
    private volatile List<Snapshot.Worker> workers = List.of();
    private volatile Snapshot.Queues queues = new Snapshot.Queues(List.of(), 0, 0, List.of());
    private volatile String error;

    ClusterPoller(Multiprocessing mp, UserQueues userQueues) {
        this.mp = mp;
        this.userQueues = userQueues;
    }

    @Override
    public void run() {
        try {
            List<WorkerStatus> live = mp.workers(PING_WAIT);
            workers = live.stream().map(ClusterPoller::worker).toList();
            queues = queues(live);
            error = null;
        } catch (RuntimeException e) { // the broker is away: keep the last figures, say so on the page
            error = "cannot read the cluster: " + e.getMessage();
            log.warn(error);
        }
    }

    private Snapshot.Queues queues(List<WorkerStatus> live) {
        TreeSet<String> names = new TreeSet<>(List.of(CallOptions.DEFAULT_QUEUE));
        live.forEach(w -> names.addAll(w.queues()));
        QueueDepths depths = mp.queueDepths();
        List<Snapshot.NamedQueue> waiting = names.stream().map(n -> new Snapshot.NamedQueue(n, depths.waiting(n))).toList();
        return new Snapshot.Queues(waiting, depths.delayed(), depths.deadLetters(), userQueues.read(mp));
    }

    private static Snapshot.Worker worker(WorkerStatus w) {
        return new Snapshot.Worker(w.name(), w.host(), w.pid(), w.running(), w.concurrency(), w.completed(),
                w.startedAt().toEpochMilli(), w.queues());
    }

    List<Snapshot.Worker> workers() {
        return workers;
    }

    Snapshot.Queues queues() {
        return queues;
    }

    String error() {
        return error;
    }
}
