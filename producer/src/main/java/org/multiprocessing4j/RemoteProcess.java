package org.multiprocessing4j;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.client.ClientCore;
import org.multiprocessing4j.internal.client.JobHandle;
import org.multiprocessing4j.internal.client.Outcomes;
import org.multiprocessing4j.internal.wire.CancelMessage;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.WorkerRef;

/**
 * Python's {@code multiprocessing.Process}, running on whichever worker takes it.
 *
 * <pre>{@code
 * RemoteProcess p = mp.process(Call.of("run_proc", "林一", 18).kwarg("林三", 16));
 * p.start();                          // publishes the job and returns at once
 * p.join(Duration.ofSeconds(3));      // waits at most 3 s; the process keeps running
 * p.isAlive();                        // true while it has not finished
 * p.pid();                            // the worker process's pid, once a worker took it
 * p.exitCode();                       // null while running; 0, 1 (it raised) or negative (terminated)
 * }</pre>
 *
 * <p>{@code terminate()} and {@code kill()} stop it wherever it is: removed before it starts, or
 * interrupted on the worker that runs it. A terminated process never runs later.
 *
 * <p>When the process raises, its error is reported on the producer's stderr the way Python
 * prints a child's traceback ({@code Process Process-1: ...}), and {@link #exitCode()} is 1.
 * Thread-safe.
 */
public final class RemoteProcess {
    private static final Duration CANCEL_CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What a process needs from the client that made it: refuse to start once it is closed, be
     * told of each start, print failure reports. Handed in so this class does not depend on the entry point.
     */
    record Owner(Runnable ensureOpen, Consumer<RemoteProcess> started, Consumer<String> failureReports) {
    }

    private final Owner owner;
    private final ClientCore core;
    private final String target;
    private final Function<String, JobMessage> jobForName;
    private final Object lock = new Object();
    private volatile String name;
    private volatile boolean daemon;
    private volatile JobHandle handle;

    RemoteProcess(Owner owner, ClientCore core, String target, Function<String, JobMessage> jobForName,
                  String name) {
        this.owner = owner;
        this.core = core;
        this.target = target;
        this.jobForName = jobForName;
        this.name = name;
    }

    /** Publishes the job and returns at once. A process can be started once, as in Python. */
    public void start() {
        JobHandle started;
        synchronized (lock) {
            if (handle != null) {
                throw new IllegalStateException("cannot start a process twice: " + this);
            }
            owner.ensureOpen().run();
            started = core.submit(jobForName.apply(name), name);
            handle = started;
        }
        owner.started().accept(this);
        started.result().whenComplete((reply, failure) -> reportFailure(reply, failure));
    }

    /** Waits until the process has finished. */
    public void join() {
        Waits.awaitDone(requireStarted("join").result(), null);
    }

    /** Waits at most {@code timeout}; returns normally either way (check {@link #isAlive()}). */
    public void join(Duration timeout) {
        Waits.awaitDone(requireStarted("join").result(), timeout);
    }

    /** {@code join(3)} in Python: seconds. */
    public void join(double seconds) {
        join(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** True from start() until it has finished, as in Python (also while it waits for a worker). */
    public boolean isAlive() {
        JobHandle current = handle;
        return current != null && !current.result().isDone();
    }

    /** Stops it with SIGTERM's meaning: interrupted where it runs, or never started. Exit code -15. */
    public void terminate() {
        stop(CancelMessage.Signal.TERMINATE);
    }

    /** Stops it with SIGKILL's meaning: reported at once, its slot freed even if the task ignores interrupts. Exit code -9. */
    public void kill() {
        stop(CancelMessage.Signal.KILL);
    }

    private void stop(CancelMessage.Signal signal) {
        JobHandle current = requireStarted(signal == CancelMessage.Signal.KILL ? "kill" : "terminate");
        if (current.result().isDone()) {
            return;
        }
        Waits.await(core.cancel(current.id(), signal), CANCEL_CONFIRM_TIMEOUT, "the cancellation of " + name);
        if (!current.started()) {
            // Still queued: no worker will report on it soon (maybe none is free); it is over now.
            core.forget(current.id());
            current.complete(ResultReply.stopped(current.id(), signal == CancelMessage.Signal.KILL
                    ? ResultReply.Outcome.KILLED : ResultReply.Outcome.TERMINATED, null, 0));
        }
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process name must not be empty");
        }
        this.name = name;
    }

    public boolean daemon() {
        return daemon;
    }

    /** Daemon processes are terminated when the producer closes; others are waited for. Set before start(). */
    public void setDaemon(boolean daemon) {
        synchronized (lock) {
            if (handle != null) {
                throw new IllegalStateException("process has already started: set daemon before start()");
            }
            this.daemon = daemon;
        }
    }

    /** The OS pid of the worker process running it; null until a worker has taken it. */
    public Long pid() {
        WorkerRef worker = worker();
        return worker == null ? null : worker.pid();
    }

    /** The host of the worker running it; null until a worker has taken it. */
    public String host() {
        WorkerRef worker = worker();
        return worker == null ? null : worker.host();
    }

    /** The name of the worker running it; null until a worker has taken it. */
    public String workerName() {
        WorkerRef worker = worker();
        return worker == null ? null : worker.name();
    }

    /** Null while running (or not started); 0 when run() returned, 1 when it raised, -15 terminated, -9 killed. */
    public Integer exitCode() {
        JobHandle current = handle;
        if (current == null || !current.result().isDone()) {
            return null;
        }
        return current.result().isCompletedExceptionally() ? 1 : Outcomes.exitCode(current.result().join());
    }

    /** What the process raised (or why it could not run), once it has ended that way; else null. */
    public MpException failure() {
        JobHandle current = handle;
        if (current == null || !current.result().isDone()) {
            return null;
        }
        try {
            ResultReply reply = current.result().join();
            return reply.outcome() == ResultReply.Outcome.OK ? null : Outcomes.failure(target, reply);
        } catch (RuntimeException e) {
            return Waits.rethrowable(e) instanceof MpException mp ? mp : new MpException(e.getMessage(), e);
        }
    }

    /** The id of the job behind this process (for {@code producer process status/terminate} elsewhere). */
    public String jobId() {
        JobHandle current = handle;
        return current == null ? null : current.id();
    }

    private WorkerRef worker() {
        JobHandle current = handle;
        return current == null ? null : current.worker();
    }

    private JobHandle requireStarted(String what) {
        JobHandle current = handle;
        if (current == null) {
            throw new IllegalStateException("can only " + what + " a started process: " + this);
        }
        return current;
    }

    /** Python prints a failed child's traceback on the parent's stderr; so do we. */
    private void reportFailure(ResultReply reply, Throwable failure) {
        if (failure != null) {
            owner.failureReports().accept("Process " + name + ": could not run: " + failure.getMessage());
        } else if (reply.outcome() == ResultReply.Outcome.ERROR) {
            MpException error = Outcomes.failure(target, reply);
            StringBuilder report = new StringBuilder("Process " + name + ":");
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            report.append(System.lineSeparator()).append(cause);
            for (StackTraceElement frame : cause.getStackTrace()) {
                report.append(System.lineSeparator()).append("\tat ").append(frame);
            }
            owner.failureReports().accept(report.toString());
        }
    }

    /** Like Python's repr: {@code <RemoteProcess name='Process-1' pid=1234 started>}. */
    @Override
    public String toString() {
        JobHandle current = handle;
        String state = current == null ? "initial" : !current.result().isDone() ? "started"
                : "stopped exitcode=" + exitCode();
        Long pid = pid();
        return "<RemoteProcess name='" + name + "'" + (pid == null ? "" : " pid=" + pid) + " " + state
                + (daemon ? " daemon" : "") + ">";
    }
}
