package org.multiprocessing4j.errors;

/**
 * A task failed on a worker. {@link #remoteType()} and {@link #remoteMessage()} say what it
 * raised there; {@link #getCause()} is a {@link RemoteCause} carrying the worker's stack trace.
 *
 * <pre>{@code
 * try {
 *     pool.apply("divide", 1, 0);
 * } catch (RemoteTaskException e) {
 *     e.remoteType();        // "java.lang.ArithmeticException"
 *     e.printStackTrace();   // ... Caused by: java.lang.ArithmeticException: / by zero, worker frames
 * }
 * }</pre>
 */
public class RemoteTaskException extends MpException {
    private final String taskName;
    private final String where;

    public RemoteTaskException(String taskName, String where, RemoteCause remote) {
        super(describe(taskName, where, remote), remote);
        this.taskName = taskName;
        this.where = where;
    }

    private static String describe(String taskName, String where, RemoteCause remote) {
        String place = where == null || where.isEmpty() ? "" : " on " + where;
        return "task '" + taskName + "' failed" + place + ": " + remote;
    }

    /** The registered name of the task that failed. */
    public String taskName() {
        return taskName;
    }

    /** Which worker reported the failure ({@code name (host, pid N)}), or empty when none ran it. */
    public String where() {
        return where == null ? "" : where;
    }

    /** Fully qualified class name of what the task raised on the worker. */
    public String remoteType() {
        return remote().remoteType();
    }

    /** The message of what the task raised on the worker (may be null, as in Java). */
    public String remoteMessage() {
        return remote().getMessage();
    }

    /** The worker's stack frames at the point of failure. */
    public StackTraceElement[] remoteStackTrace() {
        return remote().getStackTrace();
    }

    private RemoteCause remote() {
        return (RemoteCause) getCause();
    }
}
