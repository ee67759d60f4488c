package org.multiprocessing4j.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.errors.BrokenBarrierException;
import org.multiprocessing4j.queue.RemoteQueue;
import org.multiprocessing4j.sync.Acquirable;
import org.multiprocessing4j.sync.Held;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteBarrier;
import org.multiprocessing4j.sync.RemoteCondition;
import org.multiprocessing4j.sync.RemoteEvent;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteRLock;
import org.multiprocessing4j.sync.RemoteSemaphore;
import org.multiprocessing4j.sync.RemoteValue;
import org.multiprocessing4j.task.Signature;
import org.multiprocessing4j.task.TaskCall;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/**
 * The child-process halves of the CPython tests ported in the subclasses of CPythonSyncTestBase (named
 * after CPython's {@code _test_*_f} class methods), and the tasks of the contention and fault tests. Each receives
 * its locks, events and values as arguments, as a Python child process does.
 */
public final class SyncTestTasks implements TaskProvider {
    /** A typed task taking a lock and a value: adds {@code n} to the value under the lock, returns the new value. */
    public static final org.multiprocessing4j.task.TaskDef3<RemoteLock, RemoteValue, Integer, Integer> ADD_UNDER_LOCK =
            org.multiprocessing4j.task.TaskDef.of("sync_typed_add", org.multiprocessing4j.task.Param.of("lock", RemoteLock.class),
                    org.multiprocessing4j.task.Param.of("value", RemoteValue.class),
                    org.multiprocessing4j.task.Param.of("n", Integer.class), Integer.class);

    @Override
    public void register(TaskRegistry tasks) {
        tasks.task(ADD_UNDER_LOCK, (lock, value, n) -> {
            try (Held held = lock.hold()) {
                value.set(value.getInt() + n);
                return value.getInt();
            }
        });
        tasks.task("sync_lock_locked", Signature.of("lock", "event", "res"), call -> {
            Object lock = call.arg("lock");
            ((Acquirable) lock).acquire();
            boolean locked = lock instanceof RemoteLock l ? l.locked() : ((RemoteRLock) lock).locked();
            value(call, "res").set(locked ? 1 : 0);
            call.arg("event", RemoteEvent.class).set();
            sleep(1000); // CPython's child keeps the lock; ours gives it back when the task ends
            return null;
        });
        tasks.task("sync_cond_f", Signature.of("cond", "sleeping", "woken").optional("timeout", null), call -> {
            RemoteCondition cond = call.arg("cond", RemoteCondition.class);
            cond.acquire();
            call.arg("sleeping", RemoteSemaphore.class).release();
            cond.await(seconds(call.arg("timeout")));
            call.arg("woken", RemoteSemaphore.class).release();
            cond.release();
            return null;
        });
        tasks.task("sync_waitfor_f", Signature.of("cond", "state"), call -> {
            RemoteCondition cond = call.arg("cond", RemoteCondition.class);
            RemoteValue state = value(call, "state");
            try (Held held = cond.hold()) {
                state.set(0);
                cond.notify(1);
                boolean result = cond.waitFor(() -> state.getInt() == 4, null);
                if (!result || state.getInt() != 4) {
                    throw new IllegalStateException("wait_for returned " + result + " with state " + state.getInt());
                }
            }
            return null;
        });
        tasks.task("sync_waitfor_timeout_f", Signature.of("cond", "state", "success", "sem"), call -> {
            RemoteCondition cond = call.arg("cond", RemoteCondition.class);
            RemoteValue state = value(call, "state");
            call.arg("sem", RemoteSemaphore.class).release();
            try (Held held = cond.hold()) {
                long started = System.nanoTime();
                boolean result = cond.waitFor(() -> state.getInt() == 4, Duration.ofMillis(100));
                double dt = (System.nanoTime() - started) / 1e9;
                if (!result && 0.100 - 0.100 <= dt) { // CPython: (expected - CLOCK_RES) <= dt
                    value(call, "success").set(1);
                }
            }
            return null;
        });
        tasks.task("sync_wait_result_f", Signature.of("c"), call -> {
            RemoteCondition c = call.arg("c", RemoteCondition.class);
            try (Held held = c.hold()) {
                c.notify(1);
            }
            return null;
        });
        tasks.task("sync_event_f", Signature.of("event"), call -> {
            sleep(100);
            call.arg("event", RemoteEvent.class).set();
            return null;
        });
        SyncBarrierTasks.register(tasks);
        tasks.task("sync_values_set", Signature.of("values", "targets"), call -> {
            List<?> values = (List<?>) call.arg("values");
            List<?> targets = (List<?>) call.arg("targets");
            for (int i = 0; i < values.size(); i++) {
                ((RemoteValue) values.get(i)).set(targets.get(i));
            }
            return null;
        });
        tasks.task("sync_array_f", Signature.of("seq"), call -> {
            RemoteArray seq = call.arg("seq", RemoteArray.class);
            for (int i = 1; i < seq.length(); i++) {
                seq.set(i, seq.getInt(i) + seq.getInt(i - 1));
            }
            return null;
        });
        // Contention: n cycles; inside each, a non-atomic read-then-write of the counter (a lost update
        // shows a second holder) and the hold's interval in wall-clock microseconds (one machine, one clock).
        tasks.task("sync_lock_cycles", Signature.of("lock", "counter", "n").optional("hold_ms", 0), call -> {
            Acquirable lock = (Acquirable) call.arg("lock");
            RemoteValue counter = call.arg("counter") == null ? null : value(call, "counter");
            List<List<Long>> holds = new ArrayList<>();
            for (long i = 0; i < call.integer("n"); i++) {
                lock.acquire();
                long from = micros();
                if (counter != null) {
                    int seen = counter.getInt();
                    counter.set(seen + 1);
                }
                sleep(call.integer("hold_ms"));
                long to = micros();
                lock.release();
                holds.add(List.of(from, to));
            }
            return holds;
        });
        tasks.task("sync_hold", Signature.of("lock", "event", "seconds"), call -> {
            ((Acquirable) call.arg("lock")).acquire();
            call.arg("event", RemoteEvent.class).set();
            sleep((long) (call.number("seconds") * 1000));
            return null;
        });
        tasks.task("sync_acquire_timed", Signature.of("lock", "timeout"), call -> {
            long started = System.nanoTime();
            boolean got = ((Acquirable) call.arg("lock")).acquire(seconds(call.arg("timeout")));
            return List.of(got, micros(), (System.nanoTime() - started) / 1_000_000);
        });
        tasks.task("sync_event_wait", Signature.of("event", "timeout"), call -> {
            boolean set = call.arg("event", RemoteEvent.class).await(seconds(call.arg("timeout")));
            return List.of(set, micros());
        });
        tasks.task("sync_barrier_wait", Signature.of("barrier"), call -> {
            try {
                return call.arg("barrier", RemoteBarrier.class).await();
            } catch (BrokenBarrierException e) {
                return "broken: " + e.getMessage();
            }
        });
        tasks.task("sync_queue_put_pid", Signature.of("q"), call -> {
            call.arg("q", RemoteQueue.class).put(ProcessHandle.current().pid());
            return null;
        });
    }

    static RemoteValue value(TaskCall call, String name) {
        return call.arg(name, RemoteValue.class);
    }

    static Duration seconds(Object value) {
        return value == null ? null : Duration.ofNanos((long) (((Number) value).doubleValue() * 1e9));
    }

    static long micros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
