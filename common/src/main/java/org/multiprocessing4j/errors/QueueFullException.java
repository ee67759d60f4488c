package org.multiprocessing4j.errors;

/** Python's {@code queue.Full}: a bounded queue stayed full for the whole timeout, or {@code putNowait} found it full. */
public class QueueFullException extends MpException {
    public QueueFullException(String message) {
        super(message);
    }
}
