package org.multiprocessing4j;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.internal.amqp.AmqpQueue;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.WorkerPing;
import org.multiprocessing4j.internal.wire.WorkerInfo;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.ProcessTask;

/**
 * The entry point: one connection to the broker, and the pools, processes and queues made
 * through it. Python's {@code multiprocessing} module, as an object you close.
 *
 * <pre>{@code
 * try (Multiprocessing mp = Multiprocessing.connect()) {      // AMQP_URI or amqp://localhost
 *     RemoteProcess p = mp.process("worker", 3);
 *     p.start();
 *     Pool pool = mp.pool(3);
 *     pool.map("square", List.of(1, 2, 3));                   // [1, 4, 9]
 *     RemoteQueue q = mp.queue(3);
 * }                                                          // waits for p, like Python at exit
 * }</pre>
 *
 * <p><b>Closing</b> does what Python does when the main program ends: daemon processes are
 * terminated, every other process is waited for, and so is every task submitted to a pool
 * (use {@link Pool#terminate()} to cancel them instead). Anonymous queues are deleted.
 *
 * <p>Thread-safe; one instance per program is the usual shape.
 */
public final class Multiprocessing implements AutoCloseable {
    private final ClientCore core;
    private final Consumer<String> errorOutput;
    private final AtomicInteger processNumbers = new AtomicInteger();
    private final AtomicInteger poolNumbers = new AtomicInteger();
    private final List<RemoteProcess> processes = new CopyOnWriteArrayList<>();
    private final List<Pool> pools = new CopyOnWriteArrayList<>();
    private final List<RemoteQueue> queues = new CopyOnWriteArrayList<>();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private volatile boolean closing;
    private volatile boolean closed;

    private Multiprocessing(ClientCore core, Consumer<String> errorOutput) {
        this.core = core;
        this.errorOutput = errorOutput;
    }

    /** Connects with {@link BrokerSettings#fromEnvironment()}: {@code AMQP_URI}, else localhost. */
    public static Multiprocessing connect() {
        return builder().connect();
    }

    public static Multiprocessing connect(BrokerSettings settings) {
        return builder().settings(settings).connect();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options with defaults; {@link #connect()} validates and connects. */
    public static final class Builder {
        private BrokerSettings settings;
        private OutputSink output = OutputSink.printTo(System.out);
        private Consumer<String> errorOutput = System.err::println;
        private Duration replyQueueExpiry = Topology.REPLY_QUEUE_EXPIRES;

        private Builder() {
        }

        public Builder settings(BrokerSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Where lines printed by tasks go; default: this process's System.out. */
        public Builder output(OutputSink output) {
            this.output = java.util.Objects.requireNonNull(output, "output");
            return this;
        }

        /** Where a failed process's traceback is reported; default: System.err. */
        public Builder errorOutput(Consumer<String> errorOutput) {
            this.errorOutput = java.util.Objects.requireNonNull(errorOutput, "errorOutput");
            return this;
        }

        /**
         * How long this producer's reply queue outlives the producer if it dies without closing
         * (results for it then wait that long, and are dropped with the queue); default 1 h.
         */
        public Builder replyQueueExpiry(Duration expiry) {
            if (expiry == null || expiry.toMillis() < 1000) {
                throw new IllegalArgumentException("replyQueueExpiry must be at least 1 s, got " + expiry);
            }
            this.replyQueueExpiry = expiry;
            return this;
        }

        public Multiprocessing connect() {
            BrokerSettings effective = settings != null ? settings : BrokerSettings.fromEnvironment();
            return new Multiprocessing(ClientCore.connect(effective, output, ClientCore.ReplyQueueSpec.fresh(replyQueueExpiry)).startConsuming(),
                    errorOutput);
        }
    }

    // ---- pools ------------------------------------------------------------------------------

    /** {@code Pool(processes)}: at most that many of its tasks run at once, anywhere in the cluster. */
    public Pool pool(int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("processes must be at least 1, got " + processes);
        }
        return register(new Pool(this, core, processes, poolNumbers.incrementAndGet()));
    }

    /** {@code Pool()}: no limit beyond what the workers can run. */
    public Pool pool() {
        return register(new Pool(this, core, 0, poolNumbers.incrementAndGet()));
    }

    private Pool register(Pool pool) {
        ensureOpen();
        pools.add(pool);
        return pool;
    }

    // ---- processes --------------------------------------------------------------------------

    /** {@code Process(target=task, args=args)}, named Process-1, Process-2, ... Not started yet. */
    public RemoteProcess process(String task, Object... args) {
        return process(Call.of(task, args));
    }

    /** {@code Process(target=..., args=..., kwargs=...)}. */
    public RemoteProcess process(Call call) {
        Jobs.call(call, null); // encode once now, so a value that cannot travel fails here, not at start()
        return newProcess(call.task(), processName -> Jobs.call(call, processName));
    }

    /** A Process subclass instance (its class registered on the workers); its fields travel as JSON. */
    public RemoteProcess process(ProcessTask instance) {
        Jobs.processInstance(instance, null);
        @SuppressWarnings("unchecked")
        Class<? extends ProcessTask> type = instance.getClass();
        return newProcess(ProcessTask.registeredName(type), processName -> Jobs.processInstance(instance, processName));
    }

    /** A registered Process subclass by name, with its fields: for producers without the class. */
    public RemoteProcess processClass(String registeredName, Map<String, ?> fields) {
        Jobs.processClass(registeredName, fields, null);
        return newProcess(registeredName, processName -> Jobs.processClass(registeredName, fields, processName));
    }

    private RemoteProcess newProcess(String target, java.util.function.Function<String, org.multiprocessing4j.internal.wire.JobMessage> job) {
        ensureOpen();
        return new RemoteProcess(this, target, job, "Process-" + processNumbers.incrementAndGet());
    }

    /** Processes started through this client that have not finished (Python's {@code active_children()}). */
    public List<RemoteProcess> activeChildren() {
        return processes.stream().filter(RemoteProcess::isAlive).toList();
    }

    // ---- queues -----------------------------------------------------------------------------

    /** {@code Queue()}: unbounded, with a generated name; deleted when this client closes. */
    public RemoteQueue queue() {
        return queue(0);
    }

    /** {@code Queue(maxsize)}: with a generated name; deleted when this client closes. */
    public RemoteQueue queue(int maxsize) {
        ensureOpen();
        RemoteQueue queue = AmqpQueue.create(core.connection(), core.topology(), null, maxsize, core.settings().maxMessageSize());
        queues.add(queue);
        return queue;
    }

    /** Creates the named queue, or opens it if it exists with the same maxsize. It outlives this client. */
    public RemoteQueue queue(String name, int maxsize) {
        ensureOpen();
        RemoteQueue queue = AmqpQueue.create(core.connection(), core.topology(), name, maxsize, core.settings().maxMessageSize());
        queues.add(queue);
        return queue;
    }

    /** Opens an existing named queue, whatever its maxsize. */
    public RemoteQueue openQueue(String name) {
        ensureOpen();
        RemoteQueue queue = AmqpQueue.openExisting(core.connection(), core.topology(), name, core.settings().maxMessageSize());
        queues.add(queue);
        return queue;
    }

    // ---- cluster ----------------------------------------------------------------------------

    /** Live workers, as they answer a ping within {@code wait}. */
    public List<WorkerStatus> workers(Duration wait) {
        ensureOpen();
        try {
            List<WorkerStatus> statuses = new ArrayList<>();
            for (WorkerInfo info : WorkerPing.ping(core.connection(), core.topology(), wait)) {
                statuses.add(new WorkerStatus(info.worker().name(), info.worker().host(), info.worker().pid(),
                        info.concurrency(), info.running(), info.completed(), info.tasks(),
                        Instant.ofEpochMilli(info.startedAt())));
            }
            return statuses;
        } catch (IOException e) {
            throw new ConnectionLostException("could not ping the workers: " + e.getMessage(), e);
        }
    }

    /** Jobs waiting in the jobs queue for a worker (not counting those being run). */
    public int jobsWaiting() {
        ensureOpen();
        try {
            return Channels.withTemporaryChannel(core.connection(),
                    channel -> channel.queueDeclarePassive(core.topology().jobsQueue()).getMessageCount());
        } catch (IOException e) {
            throw new ConnectionLostException("could not read the jobs queue: " + e.getMessage(), e);
        }
    }

    /** Dead-lettered jobs kept for inspection. */
    public int deadLetters() {
        ensureOpen();
        try {
            return Channels.withTemporaryChannel(core.connection(),
                    channel -> channel.queueDeclarePassive(core.topology().deadLettersQueue()).getMessageCount());
        } catch (IOException e) {
            throw new ConnectionLostException("could not read the dead-letters queue: " + e.getMessage(), e);
        }
    }

    /** Results that arrived twice because a job ran twice (after a worker or link was lost), and were dropped. */
    public long duplicateResultsDropped() {
        return core.router().duplicateResults();
    }

    public BrokerSettings settings() {
        return core.settings();
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /**
     * Python's exit: terminate daemon processes, wait for the other processes and for every pool's
     * submitted tasks, delete anonymous queues, then disconnect. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            for (RemoteProcess process : processes) {
                if (process.daemon() && process.isAlive()) {
                    process.terminate();
                }
            }
            for (RemoteProcess process : processes) {
                process.join();
            }
            pools.forEach(Pool::awaitIdle);
        } finally {
            closed = true;
            queues.forEach(RemoteQueue::close);
            core.close();
            onClose.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} once this client has closed. */
    public void onClose(Runnable action) {
        onClose.add(action);
    }

    /**
     * Stops everything started through this client that has not finished: terminates every live
     * process and terminates every pool. For emergencies (Ctrl-C); Python does this to its
     * children when the parent is interrupted.
     */
    public void terminateAll() {
        for (RemoteProcess process : processes) {
            if (process.isAlive()) {
                process.terminate();
            }
        }
        for (Pool pool : pools) {
            if (!pool.idle()) {
                pool.terminate();
            }
        }
    }

    // ---- for pools and processes ------------------------------------------------------------

    ClientCore core() {
        return core;
    }

    void ensureOpen() {
        if (closed) {
            throw new ClosedException("this Multiprocessing client is closed");
        }
    }

    void started(RemoteProcess process) {
        processes.add(process);
    }

    void reportProcessFailure(String report) {
        errorOutput.accept(report);
    }
}
