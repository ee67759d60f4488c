package org.multiprocessing4j.errors;

/** A job with an expiry ({@code CallOptions.expires}) that no worker started before it: it did not run. */
public class ExpiredException extends MpException {
    public ExpiredException(String message) {
        super(message);
    }
}
