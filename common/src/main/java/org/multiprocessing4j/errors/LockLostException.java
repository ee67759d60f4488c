package org.multiprocessing4j.errors;

/**
 * A lock, permit or value lock this side held was given back by the broker while it was held:
 * the link to the broker broke (or the hold outlasted the broker's {@code consumer_timeout}), so
 * the broker handed it to the next waiter. Raised by {@code release()}: the critical section it
 * ends may have overlapped another holder's. CPython has no such case (its locks live in one
 * machine's memory); here it is how "a dead holder gives back what it held" looks from a holder
 * that was only cut off.
 */
public class LockLostException extends MpException {
    public LockLostException(String message) {
        super(message);
    }
}
