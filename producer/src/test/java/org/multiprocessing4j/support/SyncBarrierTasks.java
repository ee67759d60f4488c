package org.multiprocessing4j.support;

import java.time.Duration;
import org.multiprocessing4j.errors.BrokenBarrierException;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.sync.Held;
import org.multiprocessing4j.sync.RemoteBarrier;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteValue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * CPython's _TestBarrier child functions. Its DummyList (a counter behind a lock, appended to and
 * measured) is a Value('i') here: {@link #append} and {@link #len}.
 */
public final class SyncBarrierTasks {
    public static final int N = 5;

    private SyncBarrierTasks() {
    }

    static void register(TaskRegistry tasks) {
        tasks.task("sync_multipass", Signature.of("barrier", "r0", "r1", "n"), call -> {
            multipass(barrier(call, "barrier"), value(call, "r0"), value(call, "r1"), (int) call.integer("n"));
            return null;
        });
        tasks.task("sync_wait_return_f", Signature.of("barrier", "queue"), call -> {
            call.arg("queue", RemoteQueue.class).put(barrier(call, "barrier").await());
            return null;
        });
        tasks.task("sync_action_f", Signature.of("barrier", "results"), call -> {
            barrier(call, "barrier").await();
            if (len(value(call, "results")) != 1) {
                throw new IllegalStateException("the action had not run before the barrier let this party go");
            }
            return null;
        });
        tasks.task("sync_abort_f", Signature.of("barrier", "r1", "r2"), call -> {
            abortF(barrier(call, "barrier"), value(call, "r1"), value(call, "r2"));
            return null;
        });
        tasks.task("sync_reset_f", Signature.of("barrier", "r1", "r2", "r3"), call -> {
            resetF(barrier(call, "barrier"), value(call, "r1"), value(call, "r2"), value(call, "r3"));
            return null;
        });
        tasks.task("sync_abort_and_reset_f", Signature.of("barrier", "barrier2", "r1", "r2", "r3"), call -> {
            abortAndResetF(barrier(call, "barrier"), barrier(call, "barrier2"), value(call, "r1"), value(call, "r2"),
                    value(call, "r3"));
            return null;
        });
        tasks.task("sync_timeout_f", Signature.of("barrier", "results"), call -> {
            timeoutF(barrier(call, "barrier"), value(call, "results"));
            return null;
        });
        tasks.task("sync_default_timeout_f", Signature.of("barrier", "results"), call -> {
            defaultTimeoutF(barrier(call, "barrier"), value(call, "results"));
            return null;
        });
        tasks.task("sync_thousand_f", Signature.of("barrier", "passes", "q", "lock"), call -> {
            thousandF(barrier(call, "barrier"), (int) call.integer("passes"), call.arg("q", RemoteQueue.class),
                    call.arg("lock", RemoteLock.class));
            return null;
        });
    }

    public static void multipass(RemoteBarrier barrier, RemoteValue r0, RemoteValue r1, int n) {
        int m = barrier.parties();
        check(m == N, "parties " + m);
        for (int i = 0; i < n; i++) {
            append(r0);
            check(len(r1) == i * m, "results[1] " + len(r1) + " != " + i * m);
            barrier.await();
            append(r1);
            check(len(r0) == (i + 1) * m, "results[0] " + len(r0) + " != " + (i + 1) * m);
            barrier.await();
        }
        check(barrier.nWaiting() == 0, "n_waiting " + barrier.nWaiting());
        check(!barrier.broken(), "broken");
    }

    public static void abortF(RemoteBarrier barrier, RemoteValue r1, RemoteValue r2) {
        try {
            int i = barrier.await();
            if (i == N / 2) {
                barrier.abort(); // CPython raises RuntimeError here and aborts in its handler
                return;
            }
            barrier.await();
            append(r1);
        } catch (BrokenBarrierException e) {
            append(r2);
        }
    }

    public static void resetF(RemoteBarrier barrier, RemoteValue r1, RemoteValue r2, RemoteValue r3) {
        int i = barrier.await();
        if (i == N / 2) {
            while (barrier.nWaiting() < N - 1) {
                SyncTestTasks.sleep(1);
            }
            barrier.reset();
        } else {
            try {
                barrier.await();
                append(r1);
            } catch (BrokenBarrierException e) {
                append(r2);
            }
        }
        barrier.await();
        append(r3);
    }

    public static void abortAndResetF(RemoteBarrier barrier, RemoteBarrier barrier2, RemoteValue r1, RemoteValue r2,
                               RemoteValue r3) {
        try {
            int i = barrier.await();
            if (i == N / 2) {
                barrier.abort();
            } else {
                barrier.await();
                append(r1);
            }
        } catch (BrokenBarrierException e) {
            append(r2);
        }
        if (barrier2.await() == N / 2) {
            barrier.reset();
        }
        barrier2.await();
        barrier.await();
        append(r3);
    }

    public static void timeoutF(RemoteBarrier barrier, RemoteValue results) {
        int i = barrier.await();
        if (i == N / 2) {
            SyncTestTasks.sleep(1000); // one party is late
        }
        try {
            barrier.await(Duration.ofMillis(500));
        } catch (BrokenBarrierException e) {
            append(results);
        }
    }

    public static void defaultTimeoutF(RemoteBarrier barrier, RemoteValue results) {
        int i = barrier.await(Duration.ofSeconds(30));
        if (i == N / 2) {
            SyncTestTasks.sleep(1000);
        }
        try {
            barrier.await();
        } catch (BrokenBarrierException e) {
            append(results);
        }
    }

    public static void thousandF(RemoteBarrier barrier, int passes, RemoteQueue q, RemoteLock lock) {
        for (int i = 0; i < passes; i++) {
            barrier.await();
            try (Held held = lock.hold()) {
                q.put(i);
            }
        }
    }

    /** DummyList.append: the counter grows by one under its lock. */
    public static void append(RemoteValue counter) {
        try (Held held = counter.getLock().hold()) {
            counter.set(counter.getInt() + 1);
        }
    }

    public static int len(RemoteValue counter) {
        return counter.getInt();
    }

    private static RemoteBarrier barrier(TaskCall call, String name) {
        return call.arg(name, RemoteBarrier.class);
    }

    private static RemoteValue value(TaskCall call, String name) {
        return call.arg(name, RemoteValue.class);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("assertion failed: " + what);
        }
    }
}
