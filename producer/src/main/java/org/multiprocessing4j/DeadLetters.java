package org.multiprocessing4j;

import java.util.List;
import java.util.Optional;
import org.multiprocessing4j.internal.client.DeadLetterStore;

/**
 * The dead letters of this namespace, for people: what failed for good and why, and a way to run
 * it again once the cause is fixed. {@code mp.deadLetters()}; the CLI's {@code producer dead}.
 *
 * <pre>{@code
 * for (DeadLetter letter : mp.deadLetters().list(20)) { ... letter.reason() ... }
 * mp.deadLetters().replay(jobId);     // back to its queue with its id: its caller still gets the result
 * }</pre>
 */
public final class DeadLetters {
    private final DeadLetterStore store;

    DeadLetters(DeadLetterStore store) {
        this.store = store;
    }

    /** How many are kept. */
    public int count() {
        return store.count();
    }

    /** The oldest {@code limit} of them, oldest first, taking nothing away. */
    public List<DeadLetter> list(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return store.list(limit).stream().map(DeadLetters::letter).toList();
    }

    /** The one with this job id, if it is here. */
    public Optional<DeadLetter> show(String jobId) {
        return store.find(jobId).map(DeadLetters::letter);
    }

    private static DeadLetter letter(DeadLetterStore.Buried b) {
        return new DeadLetter(b.jobId(), b.task(), b.reason(), b.error(), b.arguments(), b.queue(), b.attempts(), b.deadAt());
    }

    /** Sends it again to its queue, with its id, and removes it from here; false if there is no such dead letter. */
    public boolean replay(String jobId) {
        return store.replay(jobId);
    }

    /** Replays every dead letter; returns how many. */
    public int replayAll() {
        return store.replayAll();
    }

    /** Deletes them all; returns how many were deleted. */
    public int purge() {
        return store.purge();
    }
}
