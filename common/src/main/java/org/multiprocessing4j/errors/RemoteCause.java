package org.multiprocessing4j.errors;

/**
 * The exception a task raised on a worker, rebuilt from data on the caller's side.
 *
 * <p>No remote class is ever loaded: this one type stands for any remote type. It prints
 * exactly like the original would ({@code java.lang.ArithmeticException: / by zero} followed
 * by the worker's stack frames), so a stack trace on the producer reads as if the task had
 * thrown locally.
 */
public final class RemoteCause extends RuntimeException {
    private final String remoteType;

    public RemoteCause(String remoteType, String message, StackTraceElement[] trace, RemoteCause cause) {
        super(message, cause, false, true);
        this.remoteType = remoteType;
        setStackTrace(trace);
    }

    /** Fully qualified class name of the exception on the worker. */
    public String remoteType() {
        return remoteType;
    }

    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? remoteType : remoteType + ": " + message;
    }
}
