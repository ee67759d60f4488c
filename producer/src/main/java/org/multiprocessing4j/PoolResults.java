package org.multiprocessing4j;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.client.PoolScheduler;

/**
 * Makes a pool's AsyncResults: the callback (or error callback) runs on the pool's one callback
 * thread, in completion order, and only then does the result become ready; until it is, the pool
 * counts it as outstanding, so join() also waits for callbacks (as in Python).
 */
final class PoolResults {
    private final PoolScheduler scheduler;
    private final String label;
    private final ExecutorService callbacks;

    PoolResults(PoolScheduler scheduler) {
        this.scheduler = scheduler;
        this.label = scheduler.label();
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mp4j-" + label + "-results");
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> AsyncResult<T> of(CompletableFuture<T> raw, Consumer<? super T> callback,
                          Consumer<? super MpException> errorCallback, String what,
                          Supplier<Optional<Progress>> progress) {
        CompletableFuture<T> ready = new CompletableFuture<>();
        if (callback == null && errorCallback == null) {
            // Nothing to run first: ready as soon as the result is in, without a hop to the callback thread.
            raw.whenComplete((value, failure) -> settle(ready, value, failure));
        } else {
            raw.whenCompleteAsync((value, failure) -> {
                if (failure == null) {
                    run(callback, value);
                } else if (errorCallback != null && Waits.rethrowable(failure) instanceof MpException mp) {
                    run(errorCallback, mp);
                }
                settle(ready, value, failure);
            }, callbacks);
        }
        return new AsyncResult<>(ready, what, progress);
    }

    void shutdown() {
        callbacks.shutdown();
    }

    private <T> void settle(CompletableFuture<T> ready, T value, Throwable failure) {
        if (failure == null) {
            ready.complete(value);
        } else {
            ready.completeExceptionally(Waits.rethrowable(failure));
        }
        scheduler.resultReady();
    }

    private <T> void run(Consumer<? super T> callback, T value) {
        if (callback == null) {
            return;
        }
        try {
            callback.accept(value);
        } catch (RuntimeException e) {
            // Python logs a failing callback and carries on; so do we, without losing the result.
            System.err.println(label + ": a callback raised " + e);
        }
    }
}
