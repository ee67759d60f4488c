package org.multiprocessing4j.errors;

/** Root of every error raised by multiprocessing4j. Unchecked, as in Python. */
public class MpException extends RuntimeException {
    public MpException(String message) {
        super(message);
    }

    public MpException(String message, Throwable cause) {
        super(message, cause);
    }
}
