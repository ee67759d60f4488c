package org.multiprocessing4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.DetachedJobs;
import org.multiprocessing4j.internal.client.JobMessages;
import org.multiprocessing4j.internal.client.PoolScheduler;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.JobOptions;
import org.multiprocessing4j.internal.wire.PoolSpec;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
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
 * {@link #close(Duration)} waits at most that long, then terminates what is left.
 *
 * <p>Thread-safe; one instance per program is the usual shape.
 */
public final class Multiprocessing extends SharedObjectFactories implements AutoCloseable {
    private final OutputSink output;
    private final AtomicInteger processNumbers = new AtomicInteger();
    private final AtomicInteger poolNumbers = new AtomicInteger();
    private final List<RemoteProcess> processes = new CopyOnWriteArrayList<>();
    private final List<Pool> pools = new CopyOnWriteArrayList<>();
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final RemoteProcess.Owner processOwner;
    private volatile boolean closing;
    private volatile boolean closed;

    Multiprocessing(ClientCore core, OutputSink output, Consumer<String> errorOutput) {
        super(core);
        this.output = output;
        this.processOwner = new RemoteProcess.Owner(this::ensureOpen, processes::add, errorOutput);
    }

    /** Connects with {@link BrokerSettings#fromEnvironment()}: {@code AMQP_URI}, else localhost. */
    public static Multiprocessing connect() {
        return builder().connect();
    }

    public static Multiprocessing connect(BrokerSettings settings) {
        return builder().settings(settings).connect();
    }

    public static MultiprocessingBuilder builder() {
        return new MultiprocessingBuilder();
    }

    // ---- pools ------------------------------------------------------------------------------

    /** {@code Pool(processes)}: at most that many of its tasks run at once, anywhere in the cluster. */
    public Pool pool(int processes) {
        if (processes < 1) {
            throw new IllegalArgumentException("processes must be at least 1, got " + processes);
        }
        return pool(processes, CallOptions.defaults());
    }

    /** {@code Pool()}: no limit beyond what the workers can run. */
    public Pool pool() {
        return newPool(0, CallOptions.defaults());
    }

    /** A pool whose calls get these options unless they set their own (queue, retries, limits); 0 processes: no limit. */
    public Pool pool(int processes, CallOptions defaults) {
        if (processes < 0) {
            throw new IllegalArgumentException("processes must be at least 1 (or 0 for no limit), got " + processes);
        }
        return newPool(processes, defaults);
    }

    /** {@code Pool(processes, initializer, initargs, maxtasksperchild)}, option by option. */
    public PoolBuilder poolBuilder() {
        return new PoolBuilder(this::newPool);
    }

    private Pool newPool(int processes, CallOptions defaults) {
        return newPool(processes, defaults, null);
    }

    Pool newPool(int processes, CallOptions defaults, PoolSpec spec) {
        ensureOpen();
        Pool pool = new Pool(core, new PoolScheduler(core, processes, "Pool-" + poolNumbers.incrementAndGet(),
                spec == null ? job -> job : job -> job.withOptions(JobOptions.withPool(job.options(), spec))),
                java.util.Objects.requireNonNull(defaults, "defaults"));
        pools.add(pool);
        return pool;
    }

    // ---- processes --------------------------------------------------------------------------

    /** {@code Process(target=task, args=args)}, named Process-1, Process-2, ... Not started yet. */
    public RemoteProcess process(String task, Object... args) {
        return process(Call.of(task, args));
    }

    /** {@code Process(target=..., args=..., kwargs=...)}; a typed call works the same. */
    public RemoteProcess process(Call<?> call) {
        core.checkQueue(JobMessages.call(call, null, CallOptions.defaults())); // a value that cannot travel fails here
        return newProcess(call.task(), processName -> JobMessages.call(call, processName, CallOptions.defaults()));
    }

    /** A Process subclass instance (its class registered on the workers); its fields travel as JSON. */
    public RemoteProcess process(ProcessTask instance) {
        JobMessages.processInstance(instance, null);
        return newProcess(ProcessTask.registeredName(instance.getClass()),
                processName -> JobMessages.processInstance(instance, processName));
    }

    /** A registered Process subclass by name, with its fields: for producers without the class. */
    public RemoteProcess processClass(String registeredName, Map<String, ?> fields) {
        JobMessages.processClass(registeredName, fields, null);
        return newProcess(registeredName, processName -> JobMessages.processClass(registeredName, fields, processName));
    }

    private RemoteProcess newProcess(String target, Function<String, JobMessage> job) {
        ensureOpen();
        return new RemoteProcess(processOwner, core, target, job, "Process-" + processNumbers.incrementAndGet());
    }

    /** Processes started through this client that have not finished (Python's {@code active_children()}). */
    public List<RemoteProcess> activeChildren() {
        return processes.stream().filter(RemoteProcess::isAlive).toList();
    }

    /**
     * Starts a process that outlives this client: its lines and result wait for a day for
     * {@link #detachedProcess(String)} (from any program, on any machine) to collect them.
     */
    public DetachedProcess startDetached(Call<?> call, String name) {
        ensureOpen();
        JobMessage job = JobMessages.call(call, name == null ? "Process-1" : name, CallOptions.defaults());
        core.checkQueue(job);
        Waits.await(new DetachedJobs(core).start(job), null, "starting " + call.task());
        return new DetachedProcess(job.id(), core, output);
    }

    /** A process started detached, by its id; IllegalArgumentException if there is none (or it was collected). */
    public DetachedProcess detachedProcess(String id) {
        ensureOpen();
        if (!new DetachedJobs(core).exists(id)) {
            throw new IllegalArgumentException(DetachedJobs.notFound(id));
        }
        return new DetachedProcess(id, core, output);
    }

    /** Terminates any job by id, wherever it is: removed before it starts, or interrupted where it runs. */
    public void terminate(String jobId) {
        DetachedProcess.cancel(core, jobId, false);
    }

    /** Kills any job by id: reported at once, its worker slot freed even if the task ignores interrupts. */
    public void kill(String jobId) {
        DetachedProcess.cancel(core, jobId, true);
    }

    // ---- cluster ----------------------------------------------------------------------------

    /** Live workers, as they answer a ping within {@code wait}. */
    public List<WorkerStatus> workers(Duration wait) {
        ensureOpen();
        return core.workers(wait).stream().map(WorkerStatus::of).toList();
    }

    /** Jobs waiting in the jobs queue for a worker (not counting those being run). */
    public int jobsWaiting() {
        ensureOpen();
        return core.messageCount(core.topology().jobsQueue());
    }

    /** Results that arrived twice because a job ran twice (after a worker or link was lost), and were dropped. */
    public long duplicateResultsDropped() {
        return core.duplicateResults();
    }

    /** The broker node this client is connected to now, {@code host:port}: it changes when a node fails over. */
    public String brokerNode() {
        return core.node();
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
        close(null);
    }

    /**
     * Python's exit, bounded: as {@link #close()}, but waits at most {@code timeout} (null: as long as
     * it takes) and then terminates whatever has not finished, so that it returns in about that time.
     * {@code close(Duration.ZERO)} leaves at once (a pool settling its last result gets 0.2 s). From a
     * Ctrl-C handler while another thread waits in close(), it cuts that wait short the same way.
     *
     * @return true if everything had finished, false if something had to be terminated
     */
    public boolean close(Duration timeout) {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
        }
        boolean finished = true;
        try {
            if (first) {
                processes.stream().filter(p -> p.daemon() && p.isAlive()).forEach(RemoteProcess::terminate);
            }
            finished = ChildrenAtExit.awaitOrTerminate(processes, pools, timeout);
            if (!finished) {
                terminateAll();
            }
        } finally {
            closed = true;
            core.close();
            if (first) {
                onClose.forEach(Runnable::run);
            }
        }
        return finished;
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
        processes.stream().filter(RemoteProcess::isAlive).forEach(RemoteProcess::terminate);
        pools.stream().filter(pool -> !pool.idle()).forEach(Pool::terminate);
    }

    // ---- for processes ----------------------------------------------------------------------

    @Override
    void ensureOpen() {
        if (closed) {
            throw new ClosedException("this Multiprocessing client is closed");
        }
    }
}
