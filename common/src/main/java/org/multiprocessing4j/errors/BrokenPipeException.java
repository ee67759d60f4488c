package org.multiprocessing4j.errors;

/** Python's {@code BrokenPipeError}: the other end of the pipe is gone (closed, or the pipe was deleted). */
public class BrokenPipeException extends MpException {
    public BrokenPipeException(String message) {
        super(message);
    }
}
