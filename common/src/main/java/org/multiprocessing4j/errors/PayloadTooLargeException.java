package org.multiprocessing4j.errors;

/** A message is larger than the broker accepts ({@code max_message_size}); nothing was sent. */
public class PayloadTooLargeException extends MpException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
