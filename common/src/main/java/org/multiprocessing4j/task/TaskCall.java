package org.multiprocessing4j.task;

import java.util.List;
import java.util.Map;
import org.multiprocessing4j.errors.TerminatedException;
import org.multiprocessing4j.errors.TimeLimitExceeded;
import org.multiprocessing4j.queue.RemoteQueue;

/**
 * One run of a task on a worker: its arguments, bound to the task's {@link Signature}, and its
 * identity. Values are plain Java: String, Integer/Long, Double, Boolean, List, Map, null, and
 * live {@link RemoteQueue}s where the caller passed a queue.
 *
 * <p>Typed getters raise an error with Python's tone ({@code worker() argument 'interval' must
 * be a number, got str}) that reaches the caller as the task's failure.
 */
public interface TaskCall {

    /** The call running on this thread (or a thread it started), as Python's {@code current_process()}. */
    static TaskCall current() {
        return CallScope.current();
    }

    String jobId();

    String taskName();

    /** Python's {@code Process.name} when started as a process ({@code Process-1}...), else null. */
    String processName();

    /** 1 on the first delivery; higher when the job is run again after a worker was lost. */
    int attempt();

    /** Positional arguments not bound to a named parameter ({@code *args}); all of them for {@link Signature#any()}. */
    List<Object> args();

    /** Keyword arguments not bound to a named parameter ({@code **kwargs}); all of them for {@link Signature#any()}. */
    Map<String, Object> kwargs();

    /** The value bound to a named parameter. */
    Object arg(String name);

    String string(String name);

    long integer(String name);

    double number(String name);

    boolean bool(String name);

    RemoteQueue queue(String name);

    /** The value of a named parameter converted to a Java type (a record, a bean, a boxed primitive). */
    default <T> T arg(String name, Class<T> type) {
        return arg(name, ValueType.of(type));
    }

    /**
     * The value of a named parameter converted to its declared type, or {@code BadArgumentsException}
     * naming the parameter when it does not fit.
     */
    <T> T arg(String name, ValueType<T> type);

    /** True once terminate() or kill() was requested for this run; long loops should stop then. */
    boolean cancelled();

    /**
     * How far the task is: {@code done} of {@code total} units. Shown by the caller's
     * {@code AsyncResult.progress()}, {@code producer logs} and the dashboard. Cheap to call often:
     * reports closer than 100 ms apart are dropped, except the last.
     */
    void progress(long done, long total);

    /**
     * The state the pool's initializer left on this worker for this pool's tasks (Python's globals
     * set by {@code Pool(initializer=...)}); see {@link PoolState}.
     *
     * @throws IllegalStateException for a task not run by a pool with an initializer or maxtasksperchild
     */
    default PoolState poolState() {
        return PoolState.current();
    }

    /** True once the call's soft time limit passed (its thread was interrupted for it). */
    boolean timeLimitExceeded();

    /**
     * For long loops that do not block: raises {@link TimeLimitExceeded} once the soft time limit
     * passed (catch it to clean up and return), {@link TerminatedException} once a stop was asked for.
     */
    default void checkpoint() {
        if (timeLimitExceeded()) {
            throw new TimeLimitExceeded(taskName() + "() ran past its soft time limit");
        }
        if (cancelled()) {
            throw new TerminatedException(taskName() + "() was asked to stop");
        }
    }
}
