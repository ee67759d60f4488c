package org.multiprocessing4j.errors;

/**
 * Arguments do not fit a task's signature. Raised on the worker with Python's wording
 * ({@code func() missing 1 required positional argument: 'msg'}) and reported to the caller
 * as a {@link RemoteTaskException} whose {@link RemoteTaskException#remoteType()} is this class.
 */
public class BadArgumentsException extends MpException {
    public BadArgumentsException(String message) {
        super(message);
    }
}
