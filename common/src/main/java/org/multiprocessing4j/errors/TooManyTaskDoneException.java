package org.multiprocessing4j.errors;

/** Python's {@code ValueError('task_done() called too many times')}: every item put was already marked done. */
public class TooManyTaskDoneException extends MpException {
    public TooManyTaskDoneException(String message) {
        super(message);
    }
}
