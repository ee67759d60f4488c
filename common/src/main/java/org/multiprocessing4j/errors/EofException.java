package org.multiprocessing4j.errors;

/**
 * Python's {@code EOFError} from {@code Connection.recv()}: the other end of the pipe was closed
 * and everything it sent before closing has been received.
 */
public class EofException extends MpException {
    public EofException(String message) {
        super(message);
    }
}
