package org.multiprocessing4j.errors;

/** No queue of that name exists on the broker (never created, or deleted). */
public class QueueNotFoundException extends MpException {
    public QueueNotFoundException(String message) {
        super(message);
    }
}
