package org.multiprocessing4j.internal.amqp;

import org.multiprocessing4j.errors.MpException;

/**
 * The broker did not take a message: it answered basic.nack (for example a queue with
 * {@code x-overflow=reject-publish} is full) or returned it as unroutable (no such queue).
 */
public final class PublishRejectedException extends MpException {
    private final boolean unroutable;

    public PublishRejectedException(String message, boolean unroutable) {
        super(message);
        this.unroutable = unroutable;
    }

    /** True when no queue received the message; false when a queue refused it. */
    public boolean unroutable() {
        return unroutable;
    }
}
