package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Connector;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.WireVersion;
import org.multiprocessing4j.internal.wire.WorkerInfo;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.WorkerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops the parts of a worker in the right order. */
public final class WorkerEngine {
    private static final Logger log = LoggerFactory.getLogger(WorkerEngine.class);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RESUBSCRIBE_DELAY = Duration.ofSeconds(1);
    /** How often an idle worker checks that waiting jobs do reach it. */
    private static final Duration STARVATION_CHECK = Duration.ofSeconds(5);

    private final WorkerConfig config;
    private final WorkerRuntime runtime;
    private final long startedAt = System.currentTimeMillis();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ConfirmingPublisher controlPublisher;
    private CancellationListener cancellationListener;
    private PingResponder pingResponder;
    private DeadLetterResponder deadLetterResponder;
    private volatile JobsSubscription jobs;
    private int starvedChecks; // touched by the timer thread only
    private final java.util.List<JobsSubscription> retired = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WorkerEngine(WorkerConfig config, WorkerRuntime runtime) {
        this.config = config;
        this.runtime = runtime;
    }

    public static WorkerEngine start(WorkerConfig config, TaskCatalog catalog) {
        OutputCapture.install();
        WorkerRef identity = new WorkerRef(config.name(), WorkerConfig.hostName(), ProcessHandle.current().pid());
        Topology topology = new Topology(config.broker().namespace());
        Connection connection = Connector.connect(config.broker(),
                "worker " + identity.name() + " (" + identity.host() + ", pid " + identity.pid() + ")");
        RunningJobs running = new RunningJobs();
        WorkerRuntime runtime = new WorkerRuntime(identity, catalog, connection, topology,
                config.broker().maxMessageSize(),
                new ReplySender(new ConfirmingPublisher(connection, config.broker().maxMessageSize())),
                running, new Cancellations(running), Executors.newCachedThreadPool(threads("mp4j-task-")),
                Executors.newScheduledThreadPool(2, threads("mp4j-timer-")), config.terminateGrace(),
                config.leaseAfter(), config.leaseTtl(),
                new ConfirmingPublisher(connection, config.broker().maxMessageSize()));
        WorkerEngine engine = new WorkerEngine(config, runtime);
        try {
            engine.startParts();
        } catch (IOException | RuntimeException e) {
            engine.closeEverything();
            throw new MpException("worker could not start: " + e.getMessage(), e);
        }
        return engine;
    }

    public WorkerRef identity() {
        return runtime.identity();
    }

    /**
     * Order matters: declare the topology, then apply every earlier cancellation, then answer
     * pings and dead letters, and only then take jobs, so no cancelled job can slip through.
     */
    private void startParts() throws IOException {
        Channels.withTemporaryChannel(runtime.connection(), channel -> {
            runtime.topology().declareJobs(channel);
            runtime.topology().declareControl(channel);
            runtime.topology().declareCancellations(channel);
            return null;
        });
        controlPublisher = new ConfirmingPublisher(runtime.connection(), config.broker().maxMessageSize());
        cancellationListener = new CancellationListener(runtime.connection(), runtime.topology(), runtime.cancellations());
        if (!cancellationListener.catchUp(controlPublisher, runtime.topology(), CATCH_UP_TIMEOUT)) {
            log.warn("could not read the cancellation stream to its end within {} s; starting anyway",
                    CATCH_UP_TIMEOUT.toSeconds());
        }
        pingResponder = new PingResponder(runtime.connection(), runtime.topology(), this::info);
        deadLetterResponder = new DeadLetterResponder(runtime.connection(), runtime.topology(), runtime.replies());
        subscribe();
        runtime.timers().scheduleWithFixedDelay(this::checkNotStarved, STARVATION_CHECK.toMillis(),
                STARVATION_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        // One sweep for all jobs rather than a timer per job: most jobs end long before the threshold.
        long leaseAfter = runtime.leaseAfter().toNanos();
        long sweepMs = Math.max(100, Math.min(5_000, runtime.leaseAfter().toMillis() / 5));
        runtime.timers().scheduleWithFixedDelay(() -> runtime.running().snapshot()
                .forEach(job -> job.leaseIfRunningLongerThan(leaseAfter)), sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        if (runtime.catalog().isEmpty()) {
            log.warn("no tasks are registered: this worker will refuse every job");
        }
        log.info("worker {} ready: concurrency {}, {} tasks, queue {} on {}", runtime.identity(), config.concurrency(),
                runtime.catalog().names().size(), runtime.topology().jobsQueue(), config.broker().maskedUri());
    }

    private void subscribe() throws IOException {
        JobsSubscription subscription = new JobsSubscription(runtime, config.concurrency(), this::resubscribeLater);
        subscription.start();
        jobs = subscription;
    }

    /** The jobs queue was deleted under us: declare it again and carry on, rather than sit idle. */
    private void resubscribeLater() {
        runtime.timers().schedule(() -> {
            if (stopping.get()) {
                return;
            }
            try {
                Channels.withTemporaryChannel(runtime.connection(), channel -> {
                    runtime.topology().declareJobs(channel);
                    return null;
                });
                JobsSubscription old = jobs;
                subscribe();
                log.warn("declared {} again and resubscribed", runtime.topology().jobsQueue());
                old.stopTakingWork(); // its jobs in hand still finish; its channel closes at stop
                retired.add(old);
            } catch (IOException | RuntimeException e) {
                log.error("could not resubscribe to {}: {}; retrying", runtime.topology().jobsQueue(), e.getMessage());
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
        if (stopping.get() || runtime.running().inHand() > 0) {
            starvedChecks = 0;
            return;
        }
        try {
            int waiting = Channels.withTemporaryChannel(runtime.connection(),
                    channel -> channel.queueDeclarePassive(runtime.topology().jobsQueue()).getMessageCount());
            starvedChecks = waiting > 0 ? starvedChecks + 1 : 0;
        } catch (IOException | RuntimeException e) {
            starvedChecks = 0; // the queue is gone or the link is down: other paths deal with that
            return;
        }
        if (starvedChecks >= 2) {
            starvedChecks = 0;
            log.warn("jobs are waiting in {} but none reach this worker; subscribing again", runtime.topology().jobsQueue());
            resubscribeLater();
        }
    }

    private WorkerInfo info() {
        return new WorkerInfo(WireVersion.CURRENT, runtime.identity(), config.concurrency(), runtime.running().running(),
                runtime.running().completed(), runtime.catalog().names(), startedAt);
    }

    /** See {@link org.multiprocessing4j.worker.Worker#stop()} for the order and why. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped(null);
            return;
        }
        try {
            int inHand = runtime.running().inHand();
            log.info("worker {} stopping: taking no more jobs, {} in hand", runtime.identity().name(), inHand);
            JobsSubscription subscription = jobs;
            if (subscription != null) {
                subscription.stopTakingWork();
            }
            closeQuietly(deadLetterResponder);
            waitForJobsInHand();
        } finally {
            closeEverything();
            log.info("worker {} stopped ({} jobs completed)", runtime.identity().name(), runtime.running().completed());
            stopped.countDown();
        }
    }

    private void waitForJobsInHand() {
        Duration timeout = config.shutdownTimeout() == null ? Duration.ofDays(365) : config.shutdownTimeout();
        try {
            if (!runtime.running().awaitNoneInHand(timeout)) {
                log.warn("{} jobs still running after {} s: interrupting them and handing them back",
                        runtime.running().running(), timeout.toSeconds());
                runtime.running().snapshot().forEach(JobExecution::handBack);
                runtime.running().awaitNoneInHand(Duration.ofSeconds(10));
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
        closeQuietly(jobs);
        retired.forEach(WorkerEngine::closeQuietly);
        closeQuietly(pingResponder);
        closeQuietly(deadLetterResponder);
        closeQuietly(cancellationListener);
        closeQuietly(controlPublisher);
        closeQuietly(runtime.replies());
        closeQuietly(runtime.leasePublisher());
        runtime.taskThreads().shutdownNow();
        runtime.timers().shutdownNow();
        try {
            runtime.connection().close(5_000);
        } catch (IOException | RuntimeException e) {
            log.debug("closing connection: {}", e.toString());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("closing {}: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
