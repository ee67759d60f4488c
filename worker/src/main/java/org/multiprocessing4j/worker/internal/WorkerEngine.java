package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.WireVersion;
import org.multiprocessing4j.internal.wire.WorkerInfo;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.control.CancellationListener;
import org.multiprocessing4j.worker.internal.control.DeadLetterResponder;
import org.multiprocessing4j.worker.internal.control.PingResponder;
import org.multiprocessing4j.worker.internal.hooks.OutputCapture;
import org.multiprocessing4j.worker.internal.intake.Subscriptions;
import org.multiprocessing4j.worker.internal.runners.TaskCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops the parts of a worker in the right order. */
public final class WorkerEngine {
    private static final Logger log = LoggerFactory.getLogger(WorkerEngine.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RESUBSCRIBE_DELAY = Duration.ofSeconds(1);
    /** How often an idle worker checks that waiting jobs do reach it. */
    private static final Duration STARVATION_CHECK = Duration.ofSeconds(5);

    private final EngineSettings settings;
    private final WorkerParts parts;
    private final long startedAt = System.currentTimeMillis();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<AutoCloseable> listeners = new CopyOnWriteArrayList<>();
    private volatile Subscriptions jobs;
    private final java.util.List<Subscriptions> retiredSubscriptions = new CopyOnWriteArrayList<>();
    private final AtomicBoolean restartRequested = new AtomicBoolean();
    private DeadLetterResponder deadLetters;
    private int starvedChecks; // touched by the timer thread only

    private WorkerEngine(EngineSettings settings, WorkerParts parts) {
        this.settings = settings;
        this.parts = parts;
    }

    public static WorkerEngine start(EngineSettings settings, TaskCatalog catalog) {
        OutputCapture.install();
        WorkerRef identity = settings.identity();
        Connection connection = Connector.connect(settings.broker(),
                "worker " + identity.name() + " (" + identity.host() + ", pid " + identity.pid() + ")");
        WorkerEngine[] self = new WorkerEngine[1];
        WorkerParts parts;
        try {
            parts = new WorkerParts(settings, connection, catalog, () -> self[0].restartLater());
        } catch (IOException | RuntimeException e) {
            WorkerParts.closeQuietly(connection);
            throw new MpException("worker could not start: " + e.getMessage(), e);
        }
        WorkerEngine engine = new WorkerEngine(settings, parts);
        self[0] = engine;
        try {
            engine.startParts();
        } catch (IOException | RuntimeException e) {
            engine.closeEverything();
            throw new MpException("worker could not start: " + e.getMessage(), e);
        }
        return engine;
    }

    public WorkerRef identity() {
        return settings.identity();
    }

    /**
     * Order matters: declare the topology, then apply every earlier cancellation, then answer
     * pings and dead letters, and only then take jobs, so no cancelled job can slip through.
     */
    private void startParts() throws IOException {
        Topology topology = parts.topology();
        declareQueues();
        Channels.withTemporaryChannel(parts.connection(), channel -> {
            topology.declareControl(channel);
            topology.declareCancellations(channel);
            return null;
        });
        ConfirmingPublisher controlPublisher = parts.newPublisher();
        listeners.add(controlPublisher);
        CancellationListener cancellations = new CancellationListener(parts.connection(), topology, parts.cancellations());
        listeners.add(cancellations);
        if (!cancellations.catchUp(controlPublisher, topology, CATCH_UP_TIMEOUT)) {
            log.warn("could not read the cancellation stream to its end within {} s; starting anyway",
                    CATCH_UP_TIMEOUT.toSeconds());
        }
        listeners.add(new PingResponder(parts.connection(), topology, this::info));
        deadLetters = new DeadLetterResponder(parts.connection(), topology, parts.replies());
        listeners.add(deadLetters);
        subscribe();
        parts.timers().scheduleWithFixedDelay(this::checkNotStarved, STARVATION_CHECK.toMillis(),
                STARVATION_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        if (parts.catalog().isEmpty()) {
            log.warn("no tasks are registered: this worker will refuse every job");
        }
        log.info("worker {} ready: concurrency {}, {} tasks, queues {} on {}", identity(), settings.concurrency(),
                parts.catalog().names().size(), String.join(",", settings.queues()), settings.broker().maskedUri());
    }

    /** The dead-letter path and every queue this worker takes, at each priority (idempotent). */
    private void declareQueues() throws IOException {
        Channels.withTemporaryChannel(parts.connection(), channel -> {
            parts.topology().declareJobs(channel);
            for (String queue : settings.queues()) {
                parts.topology().declareQueue(channel, queue);
            }
            return null;
        });
    }

    private void subscribe() throws IOException {
        jobs = new Subscriptions(parts.connection(), parts.topology(), settings.queues(), settings.concurrency(),
                parts::deliver, this::resubscribeLater, parts.redeliveries());
    }

    /** Too many task threads left behind: stop as for SIGTERM but hand back at once, for a fresh JVM. */
    private void restartLater() {
        if (restartRequested.compareAndSet(false, true)) {
            Thread stopper = new Thread(this::stop, "mp4j-restart");
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /** The port metrics are served on (0: off). */
    public int metricsPort() {
        return parts.metricsPort();
    }

    /** True when it stopped by itself so that its supervisor starts a fresh one. */
    public boolean needsRestart() {
        return restartRequested.get();
    }

    /** The jobs queue was deleted under us: declare it again and carry on, rather than sit idle. */
    private void resubscribeLater() {
        parts.timers().schedule(() -> {
            if (stopping.get()) {
                return;
            }
            try {
                declareQueues();
                Subscriptions old = jobs;
                subscribe();
                log.warn("declared the jobs queues again and resubscribed");
                old.stopTakingWork(); // its jobs in hand still finish; its channels close at stop
                retiredSubscriptions.add(old);
            } catch (IOException | RuntimeException e) {
                log.error("could not resubscribe to the jobs queues: {}; retrying", e.getMessage());
                resubscribeLater();
            }
        }, RESUBSCRIBE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * An idle worker while jobs wait means its subscription died without a word: RabbitMQ 3.10 sends
     * no basic.cancel when a quorum queue is deleted and declared again at once. Two such checks in
     * a row and the worker subscribes again.
     */
    private void checkNotStarved() {
        if (stopping.get() || parts.running().inHand() > 0) {
            starvedChecks = 0;
            return;
        }
        try {
            List<String> queues = jobs.brokerQueues();
            int waiting = Channels.withTemporaryChannel(parts.connection(), channel -> {
                int sum = 0;
                for (String queue : queues) {
                    sum += channel.queueDeclarePassive(queue).getMessageCount();
                }
                return sum;
            });
            starvedChecks = waiting > 0 ? starvedChecks + 1 : 0;
        } catch (IOException | RuntimeException e) {
            starvedChecks = 0; // the queue is gone or the link is down: other paths deal with that
            return;
        }
        if (starvedChecks >= 2) {
            starvedChecks = 0;
            log.warn("jobs are waiting in {} but none reach this worker; subscribing again", jobs.brokerQueues());
            resubscribeLater();
        }
    }

    private WorkerInfo info() {
        return new WorkerInfo(WireVersion.CURRENT, identity(), settings.concurrency(), parts.running().running(),
                parts.running().completed(), parts.catalog().names(), startedAt, settings.queues(),
                Connector.node(parts.connection()), parts.replies().resultsKept(), parts.replies().resultsHandedBack());
    }

    /**
     * Graceful stop, in this order: stop taking jobs; let the jobs in hand finish, publish their
     * results and be acknowledged (up to the shutdown timeout; after it, interrupt them and hand
     * them back to the broker); then close the connection.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(null);
            return;
        }
        try {
            log.info("worker {} stopping: taking no more jobs, {} in hand", identity().name(), parts.running().inHand());
            Subscriptions subscriptions = jobs;
            if (subscriptions != null) {
                subscriptions.stopTakingWork();
            }
            // Jobs still waiting for a slot go straight back: another worker can start them now.
            parts.slots().drainWaiting().forEach(parts.settlement()::handBackUnstarted);
            WorkerParts.closeQuietly(deadLetters); // a stopping worker takes no more, like jobs: others answer them
            waitForJobsInHand();
        } finally {
            closeEverything();
            log.info("worker {} stopped ({} jobs completed)", identity().name(), parts.running().completed());
            stopped.countDown();
        }
    }

    private void waitForJobsInHand() {
        Duration timeout = restartRequested.get() ? Duration.ZERO
                : settings.shutdownTimeout() == null ? Duration.ofDays(365) : settings.shutdownTimeout();
        try {
            if (!parts.running().awaitNoneInHand(timeout)) {
                log.warn("{} jobs still running after {} s: interrupting them and handing them back",
                        parts.running().running(), timeout.toSeconds());
                parts.running().snapshot().forEach(parts.settlement()::handBack);
                parts.running().awaitNoneInHand(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean awaitStopped(Duration timeout) {
        try {
            if (timeout == null) {
                stopped.await();
                return true;
            }
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeEverything() {
        WorkerParts.closeQuietly(jobs);
        retiredSubscriptions.forEach(WorkerParts::closeQuietly);
        listeners.forEach(WorkerParts::closeQuietly);
        parts.close();
    }
}
