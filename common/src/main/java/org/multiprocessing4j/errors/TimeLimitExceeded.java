package org.multiprocessing4j.errors;

/**
 * A task ran past its time limit (Celery's name). Inside a task, past its soft limit: its thread
 * was interrupted and {@code TaskCall.checkpoint()} raises this; the task may catch it, clean up and
 * return. For the caller, an attempt stopped by its soft or hard limit fails with this type.
 */
public class TimeLimitExceeded extends MpException {
    public TimeLimitExceeded(String message) {
        super(message);
    }
}
