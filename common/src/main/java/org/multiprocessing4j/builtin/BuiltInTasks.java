package org.multiprocessing4j.builtin;

import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.task.Param;
import org.multiprocessing4j.task.TaskDef;
import org.multiprocessing4j.task.TaskDef0;
import org.multiprocessing4j.task.TaskDef1;
import org.multiprocessing4j.task.TaskDef2;

/**
 * The tasks every worker has, declared with their types: the tutorial's functions under the
 * tutorial's names, and a few everyday helpers. Call them typed from Java, or by name from the
 * command line and other languages (docs/PROTOCOL.md lists the same signatures).
 *
 * <pre>{@code
 * pool.applyAsync(BuiltInTasks.FUNC.call("hello 0"));          // prints start:/end: on a worker
 * long nine = pool.apply(BuiltInTasks.SQUARE.call(3L)).longValue();
 * }</pre>
 */
public final class BuiltInTasks {
    /** Section 1: {@code run_proc()} and {@code run_proc(name, age, **kwargs)}, one task told apart by its arguments. */
    public static final TaskDef2<String, Integer, Void> RUN_PROC = TaskDef.of("run_proc",
            Param.of("name", String.class).orElse(null), Param.of("age", Integer.class).orElse(null), Void.class)
            .withVarKeywords();
    /** Section 2: {@code worker(interval)}: "work start", sleeps, "work end". */
    public static final TaskDef1<Double, Void> WORKER = interval("worker");
    /** Section 3: {@code clock(interval)}: the time, five times, {@code interval} seconds apart. */
    public static final TaskDef1<Double, Void> CLOCK = interval("clock");
    /** Section 4: {@code work1..work3(interval)}. */
    public static final TaskDef1<Double, Void> WORK1 = interval("work1");
    public static final TaskDef1<Double, Void> WORK2 = interval("work2");
    public static final TaskDef1<Double, Void> WORK3 = interval("work3");
    /** Section 6: {@code func(msg)}: "start: msg", three seconds, "end: msg". */
    public static final TaskDef1<Object, Void> FUNC = TaskDef.of("func", Param.of("msg", Object.class), Void.class);
    /** Section 7: {@code write(q)}: puts a, b, c one second apart. */
    public static final TaskDef1<RemoteQueue, Void> WRITE = TaskDef.of("write", Param.of("q", RemoteQueue.class), Void.class);
    /** Section 7: {@code read(q)}: prints what it takes until the queue is empty. */
    public static final TaskDef1<RemoteQueue, Void> READ = TaskDef.of("read", Param.of("q", RemoteQueue.class), Void.class);

    /** Does nothing, with any arguments (declared here without them): what benchmarks drive. */
    public static final TaskDef0<Void> NOOP = TaskDef.of("noop", Void.class);
    /** Returns its argument. */
    public static final TaskDef1<Object, Object> ECHO = TaskDef.of("echo", Param.of("value", Object.class), Object.class);
    /** Sleeps {@code seconds}, then returns {@code result} (None by default). */
    public static final TaskDef2<Double, Object, Object> SLEEP = TaskDef.of("sleep", Param.of("seconds", Double.class),
            Param.of("result", Object.class).orElse(null), Object.class);
    /** {@code x * x}, exact for integers of any size (as Python's int), a float for a float. */
    public static final TaskDef1<Number, Number> SQUARE = TaskDef.of("square", Param.of("x", Number.class), Number.class);
    /** Raises {@code IllegalStateException(message)}. */
    public static final TaskDef1<String, Void> FAIL = TaskDef.of("fail",
            Param.of("message", String.class).orElse("failed on purpose"), Void.class);

    private BuiltInTasks() {
    }

    private static TaskDef1<Double, Void> interval(String name) {
        return TaskDef.of(name, Param.of("interval", Double.class), Void.class);
    }
}
