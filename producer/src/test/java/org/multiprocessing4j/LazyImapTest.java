package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.builtin.BuiltInTasks;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.TestBroker;

/** imap reads its iterable as results are taken: infinite iterables work, memory stays flat. */
@BrokerTest
class LazyImapTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Cluster cluster;
    private static Multiprocessing mp;

    @BeforeAll
    static void start(TestBroker broker) {
        cluster = new Cluster(broker).start(2, 4);
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void imapOverAnInfiniteIteratorYieldsAsItGoesAndReadsOnlyAWindowAhead() {
        Counting naturals = new Counting(Long.MAX_VALUE);
        Pool pool = mp.pool(3);
        List<Number> squares = new ArrayList<>();
        Iterable<Long> infinite = () -> naturals;
        try (ResultIterator<Number> results = pool.imap(BuiltInTasks.SQUARE, infinite, 1)) {
            for (int i = 0; i < 50; i++) {
                squares.add(results.next(WAIT));
            }
        }
        for (int i = 0; i < 50; i++) {
            assertEquals((long) i * i, squares.get(i).longValue());
        }
        long readAhead = naturals.taken.get() - 50;
        System.out.println("infinite imap: 50 results taken, iterable read " + naturals.taken.get() + " items (window 6)");
        assertTrue(readAhead <= 2 * 3 + 1, "read " + readAhead + " items ahead of the reader");
        pool.terminate();
    }

    @Test
    void imapOverAMillionItemsKeepsMemoryFlat() {
        int chunksize = 1000;
        Counting items = new Counting(1_000_000);
        Pool pool = mp.pool(4);
        long usedAt100k = 0;
        long count = 0;
        long started = System.nanoTime();
        Iterable<Long> million = () -> items;
        try (ResultIterator<Object> results = pool.imap("noop", million, chunksize)) {
            while (results.hasNext()) {
                results.next();
                if (++count == 100_000) {
                    usedAt100k = usedHeap();
                }
                assertTrue(items.taken.get() - count <= 2L * 4 * chunksize + chunksize,
                        "iterable read too far ahead at " + count + ": " + items.taken.get());
            }
        }
        long usedAtEnd = usedHeap();
        System.out.printf("imap of 1,000,000 items (chunks of %d, Pool(4)): %.1f s; heap used after GC at 100,000: %.1f MB,"
                        + " at 1,000,000: %.1f MB%n", chunksize, (System.nanoTime() - started) / 1e9,
                usedAt100k / 1e6, usedAtEnd / 1e6);
        assertEquals(1_000_000, count);
        assertTrue(usedAtEnd - usedAt100k < 32_000_000, "heap grew by " + (usedAtEnd - usedAt100k) + " bytes");
        pool.close();
        pool.join();
    }

    @Test
    void joinBeforeReadingStillGivesEveryResultLikePython() {
        Pool pool = mp.pool(2);
        ResultIterator<Object> results = pool.imap("square", List.of(1, 2, 3, 4, 5, 6, 7, 8));
        pool.close();
        pool.join(); // Python keeps an imap's results until they are read: so does this
        List<Long> squares = new ArrayList<>();
        results.forEachRemaining(value -> squares.add(((Number) value).longValue()));
        assertEquals(List.of(1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L), squares);
        assertFalse(results.hasNext());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** 0, 1, 2, ... up to a limit, counting how many were taken. */
    private static final class Counting implements Iterator<Long> {
        final AtomicLong taken = new AtomicLong();
        private final long limit;

        Counting(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean hasNext() {
            return taken.get() < limit;
        }

        @Override
        public Long next() {
            return taken.getAndIncrement();
        }
    }
}
