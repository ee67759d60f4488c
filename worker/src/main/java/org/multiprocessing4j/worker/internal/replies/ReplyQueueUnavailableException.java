package org.multiprocessing4j.worker.internal.replies;

/** A result's reply queue is missing and cannot be declared again: the job must not be acknowledged. */
public final class ReplyQueueUnavailableException extends RuntimeException {
    public ReplyQueueUnavailableException(String replyQueue, String why) {
        super("reply queue " + replyQueue + " is missing and cannot be declared again: " + why, null, false, false);
    }
}
