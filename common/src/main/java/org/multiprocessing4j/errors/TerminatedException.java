package org.multiprocessing4j.errors;

/** The task was terminated (by {@code terminate()}, {@code kill()} or a terminated pool) before it produced a result. */
public class TerminatedException extends MpException {
    public TerminatedException(String message) {
        super(message);
    }
}
