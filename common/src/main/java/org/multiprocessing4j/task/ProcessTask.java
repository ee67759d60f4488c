package org.multiprocessing4j.task;

/**
 * Python's "subclass Process and override run()" style. The instance's fields travel as JSON;
 * the worker builds a fresh instance of the registered class from them and calls {@link #run()}.
 * Fields must therefore be JSON values (non-transient, non-static fields are sent), and the class
 * needs a no-argument constructor (it may be private).
 *
 * <pre>{@code
 * public class ClockProcess extends ProcessTask {
 *     private double interval;
 *     private ClockProcess() { }                         // for the worker
 *     public ClockProcess(double interval) { this.interval = interval; }
 *     public void run() throws InterruptedException {
 *         System.out.println("子进程开始执行的时间:" + ...);
 *         Thread.sleep((long) (interval * 1000));
 *     }
 * }
 * }</pre>
 *
 * <p>The class must be registered on the worker ({@link TaskRegistry#processClass}); the producer
 * needs it only to write {@code new ClockProcess(2)}, and can also start it by name with fields.
 */
public abstract class ProcessTask {

    /** The body of the process; what it prints is streamed to the producer. */
    public abstract void run() throws Exception;

    /** The call this instance runs in (name, cancellation), as Python's {@code current_process()}. */
    protected final TaskCall call() {
        return TaskCall.current();
    }

    /** {@link RegisteredName} if present, else the simple class name (as Python would call it). */
    public static String registeredName(Class<? extends ProcessTask> type) {
        RegisteredName name = type.getAnnotation(RegisteredName.class);
        return name != null ? name.value() : type.getSimpleName();
    }
}
