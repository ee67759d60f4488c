package org.multiprocessing4j.internal.wire;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identifiers for jobs and messages. UUID.randomUUID() draws from SecureRandom, a lock and a
 * syscall per id: too dear at thousands of messages a second. Job ids stay random UUIDs (from a
 * fast generator: they only need to be unique, not unpredictable); message ids, which only match
 * a returned message to its publish, are a process prefix and a counter.
 */
public final class Ids {
    private static final String PROCESS = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Ids() {
    }

    /** A random (version 4) UUID: a job's id, unique across producers. */
    public static String jobId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** Unique within this process: enough to tell our own unconfirmed messages apart. */
    public static String messageId() {
        return PROCESS + "-" + SEQUENCE.incrementAndGet();
    }
}
