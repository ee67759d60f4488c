package org.multiprocessing4j.errors;

/** The pool, client or queue was closed; it takes no more work. */
public class ClosedException extends MpException {
    public ClosedException(String message) {
        super(message);
    }
}
