package org.multiprocessing4j.errors;

/**
 * Python's {@code threading.BrokenBarrierError}: the barrier was aborted, reset while this party
 * waited, a party timed out, its action failed, or a waiting party died (its process killed or its
 * link lost). Unchecked, unlike {@code java.util.concurrent.BrokenBarrierException}.
 */
public class BrokenBarrierException extends MpException {
    public BrokenBarrierException(String message) {
        super(message);
    }
}
