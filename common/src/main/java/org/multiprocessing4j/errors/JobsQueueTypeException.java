package org.multiprocessing4j.errors;

/**
 * A namespace's jobs queue already exists with the other type (quorum or classic) than this client
 * was set to use: RabbitMQ cannot change a queue's type, so every client of a namespace must use
 * the same. The message names the namespace, the type found and the setting to change.
 */
public class JobsQueueTypeException extends MpException {
    public JobsQueueTypeException(String message, Throwable cause) {
        super(message, cause);
    }
}
