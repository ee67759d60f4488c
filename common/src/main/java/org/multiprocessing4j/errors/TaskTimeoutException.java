package org.multiprocessing4j.errors;

/** A wait ran out of time (Python's {@code multiprocessing.TimeoutError}). The task itself keeps running. */
public class TaskTimeoutException extends MpException {
    public TaskTimeoutException(String message) {
        super(message);
    }
}
