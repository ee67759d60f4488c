package org.multiprocessing4j.worker.internal.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.multiprocessing4j.task.Priority;
import org.multiprocessing4j.worker.internal.job.JobDelivery;

/**
 * The worker's {@code concurrency} slots. A delivery starts at once when a slot is free; otherwise
 * it waits here, and a slot that frees takes the most urgent waiting job first (high, normal, low;
 * in arrival order within a level). This is how priorities work across one quorum queue per level:
 * each queue's prefetch is the concurrency, and the choice between levels is made here, when a
 * slot frees. A job waiting here is in hand (unacknowledged): it is handed back if the worker stops.
 */
public final class Slots {
    private final int capacity;
    private final BiConsumer<JobDelivery, Runnable> start;
    private final Map<Priority, Deque<JobDelivery>> waiting = new EnumMap<>(Priority.class);
    private int busy; // guarded by this

    /** @param start runs a delivery; it must call the given Runnable once when the slot is free again */
    public Slots(int capacity, BiConsumer<JobDelivery, Runnable> start) {
        this.capacity = capacity;
        this.start = start;
        for (Priority priority : Priority.values()) {
            waiting.put(priority, new ArrayDeque<>());
        }
    }

    public void offer(JobDelivery delivery, Priority priority) {
        synchronized (this) {
            if (busy >= capacity) {
                waiting.get(priority).addLast(delivery);
                return;
            }
            busy++;
        }
        start.accept(delivery, new Release());
    }

    /** Jobs waiting for a slot, most urgent first, taken out (a stopping worker hands them back). */
    public synchronized java.util.List<JobDelivery> drainWaiting() {
        java.util.List<JobDelivery> all = new java.util.ArrayList<>();
        for (Priority priority : Priority.values()) {
            all.addAll(waiting.get(priority));
            waiting.get(priority).clear();
        }
        return all;
    }

    public synchronized int waitingCount() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    private void freed() {
        JobDelivery next = null;
        synchronized (this) {
            for (Priority priority : Priority.values()) {
                next = waiting.get(priority).pollFirst();
                if (next != null) {
                    break;
                }
            }
            if (next == null) {
                busy--;
                return;
            }
        }
        start.accept(next, new Release());
    }

    /** Frees its slot once, however many times it is called (the run ended, or was abandoned first). */
    private final class Release implements Runnable {
        private final java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                freed();
            }
        }
    }
}
