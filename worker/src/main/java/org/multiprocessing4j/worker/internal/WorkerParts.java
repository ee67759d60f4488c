package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.JobRouting;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.events.EventLog;
import org.multiprocessing4j.internal.kinds.SharedObjects;
import org.multiprocessing4j.task.Priority;
import org.multiprocessing4j.worker.internal.hooks.LeaseHook;
import org.multiprocessing4j.worker.internal.hooks.OutputHook;
import org.multiprocessing4j.worker.internal.hooks.PoolInitHook;
import org.multiprocessing4j.worker.internal.hooks.RetryHook;
import org.multiprocessing4j.worker.internal.hooks.StopHook;
import org.multiprocessing4j.worker.internal.hooks.TimeLimitHook;
import org.multiprocessing4j.worker.internal.intake.RedeliveryCounter;
import org.multiprocessing4j.worker.internal.intake.Slots;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.multiprocessing4j.worker.internal.job.JobObserver;
import org.multiprocessing4j.worker.internal.observe.EventsObserver;
import org.multiprocessing4j.worker.internal.observe.MetricsEndpoint;
import org.multiprocessing4j.worker.internal.observe.MetricsObserver;
import org.multiprocessing4j.worker.internal.pipeline.Cancellations;
import org.multiprocessing4j.worker.internal.pipeline.JobPipeline;
import org.multiprocessing4j.worker.internal.pipeline.RunningJobs;
import org.multiprocessing4j.worker.internal.replies.ReplySender;
import org.multiprocessing4j.worker.internal.poolstate.PoolStates;
import org.multiprocessing4j.worker.internal.runners.Runners;
import org.multiprocessing4j.worker.internal.runners.TaskCatalog;
import org.multiprocessing4j.worker.internal.settle.Outbox;
import org.multiprocessing4j.worker.internal.settle.LostThreads;
import org.multiprocessing4j.worker.internal.settle.Settlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one worker on its connection, built once in dependency order: replies, the jobs in
 * hand, settlement, stop requests, the hooks and the pipeline. Each part gets what it uses, nothing more.
 */
final class WorkerParts implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerParts.class);
    /**
     * Task threads are made as jobs arrive (at most concurrency run at once, plus any abandoned
     * task that ignores its interrupt) and end after this long idle, so a burst leaves none behind.
     */
    private static final long IDLE_TASK_THREAD_SECONDS = 10;

    private final EngineSettings settings;
    private final Connection connection;
    private final Topology topology;
    private final TaskCatalog catalog;
    private final ExecutorService taskThreads;
    private final ScheduledExecutorService timers;
    private final ConfirmingPublisher replyPublisher;
    private final ConfirmingPublisher outboxPublisher;
    private final ReplySender replies;
    private final RunningJobs running = new RunningJobs();
    private final Settlement settlement;
    private final Cancellations cancellations;
    private final JobPipeline pipeline;
    private volatile Slots slotsRef;
    private final LostThreads lostThreads;
    private final EventLog events;
    private final MetricsEndpoint metrics;
    private final RedeliveryCounter redeliveries;

    /** @param restart asked for once, when too many task threads were left behind */
    WorkerParts(EngineSettings settings, Connection connection, TaskCatalog catalog, Runnable restart) throws IOException {
        this.settings = settings;
        this.connection = connection;
        this.topology = new Topology(settings.broker().namespace(), settings.broker().jobsQueue());
        this.catalog = catalog;
        this.taskThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_TASK_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads("mp4j-task-"));
        this.timers = Executors.newScheduledThreadPool(2, threads("mp4j-timer-"));
        this.replyPublisher = newPublisher();
        this.outboxPublisher = newPublisher();
        this.replies = new ReplySender(replyPublisher, connection, topology);
        this.lostThreads = new LostThreads(settings.maxLostThreads(), restart);
        this.events = settings.events()
                ? EventLog.on(connection, topology, settings.eventsRetention(), settings.broker().maxMessageSize())
                : EventLog.off();
        this.metrics = settings.metricsPort() == 0 ? null : new MetricsEndpoint(settings.metricsBind(),
                settings.metricsPort(), new MetricsEndpoint.Load(running::inHand, running::running,
                this::waitingForSlot, events::dropped, settings.concurrency()));
        JobObserver observer = observers(settings, catalog);
        this.settlement = new Settlement(settings.identity(), replies,
                new Outbox(connection, topology, outboxPublisher, new JobRouting(connection, topology), timers), running,
                lostThreads, settings.terminateGrace(), observer);
        this.cancellations = new Cancellations(running, settlement, timers, settings.terminateGrace());
        // Outermost first: a lease covers the whole run; a retry is decided on what the run ends with,
        // after a stop request (never retried) and a time limit have had their say; output is captured around
        // the pool initializer (innermost), so what an initializer prints is its first job's output.
        Runners runners = new Runners(catalog);
        this.pipeline = new JobPipeline(settings.identity(), runners,
                List.of(new LeaseHook(settlement, timers, settings.leaseAfter(), settings.leaseTtl()),
                        new RetryHook(),
                        new StopHook(),
                        new TimeLimitHook(settlement, timers),
                        new OutputHook(replies, settings.identity(), observer),
                        new PoolInitHook(new PoolStates(), runners)),
                settlement, running, cancellations, replies,
                () -> new SharedObjects(connection, topology, settings.broker().maxMessageSize()), taskThreads, observer);
        this.slotsRef = new Slots(settings.concurrency(), pipeline::accept);
        this.redeliveries = new RedeliveryCounter(outboxPublisher, topology, settings.identity());
    }

    /** History and metrics, as configured: each an observer of every job. */
    private JobObserver observers(EngineSettings settings, TaskCatalog catalog) {
        List<JobObserver> all = new java.util.ArrayList<>();
        if (events.enabled()) {
            all.add(new EventsObserver(events, settings.identity()));
        }
        if (metrics != null) {
            all.add(new MetricsObserver(metrics.registry(), new java.util.HashSet<>(catalog.names())));
        }
        return JobObserver.all(all);
    }

    private int waitingForSlot() {
        Slots current = slotsRef;
        return current == null ? 0 : current.waitingCount();
    }

    /** The metrics port actually bound (tests ask for port 0 and read it), or 0 when metrics are off. */
    int metricsPort() {
        return metrics == null ? 0 : metrics.port();
    }

    ConfirmingPublisher newPublisher() {
        return new ConfirmingPublisher(connection, settings.broker().maxMessageSize());
    }

    Connection connection() {
        return connection;
    }

    Topology topology() {
        return topology;
    }

    TaskCatalog catalog() {
        return catalog;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    ReplySender replies() {
        return replies;
    }

    RunningJobs running() {
        return running;
    }

    Settlement settlement() {
        return settlement;
    }

    Cancellations cancellations() {
        return cancellations;
    }

    JobPipeline pipeline() {
        return pipeline;
    }

    /** Where deliveries go: counted in hand, then started or kept for a slot, most urgent first. */
    void deliver(JobDelivery delivery, Priority priority) {
        running.delivered();
        slotsRef.offer(delivery, priority);
    }

    /** Counts deliveries of a classic jobs queue's jobs (a quorum queue counts them itself). */
    RedeliveryCounter redeliveries() {
        return redeliveries;
    }

    Slots slots() {
        return slotsRef;
    }

    LostThreads lostThreads() {
        return lostThreads;
    }

    @Override
    public void close() {
        closeQuietly(events);
        closeQuietly(metrics);
        closeQuietly(replies);
        closeQuietly(outboxPublisher);
        taskThreads.shutdownNow();
        timers.shutdownNow();
        try {
            connection.close(5_000);
        } catch (IOException | RuntimeException e) {
            log.debug("closing connection: {}", e.toString());
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
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
