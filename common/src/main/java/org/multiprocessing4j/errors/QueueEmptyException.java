package org.multiprocessing4j.errors;

/** Python's {@code queue.Empty}: nothing arrived within the timeout, or {@code getNowait} found the queue empty. */
public class QueueEmptyException extends MpException {
    public QueueEmptyException(String message) {
        super(message);
    }
}
