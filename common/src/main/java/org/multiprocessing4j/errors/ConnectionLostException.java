package org.multiprocessing4j.errors;

/** The link to the broker broke during an operation and the operation could not be completed. */
public class ConnectionLostException extends MpException {
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
