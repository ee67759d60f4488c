package org.multiprocessing4j.errors;

/** A value cannot be written as JSON, or a received message is not a valid multiprocessing4j message. */
public class EncodingException extends MpException {
    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EncodingException(String message) {
        super(message);
    }
}
