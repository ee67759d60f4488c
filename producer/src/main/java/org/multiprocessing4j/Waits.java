package org.multiprocessing4j;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.errors.TaskTimeoutException;

/** Blocking on a future the way this API promises: unchecked exceptions, the task's own error rethrown. */
final class Waits {
    private Waits() {
    }

    /** @param timeout null waits as long as it takes */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return timeout == null ? future.get() : future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TaskTimeoutException(what + " did not finish within " + describe(timeout) + " (it keeps running)");
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (CancellationException e) {
            throw new MpException(what + " was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting for " + what, e);
        }
    }

    /** Waits without rethrowing what the future failed with; false if the time ran out. */
    static boolean awaitDone(CompletableFuture<?> future, Duration timeout) {
        try {
            if (timeout == null) {
                future.handle((v, e) -> null).get();
            } else {
                future.handle((v, e) -> null).get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting", e);
        }
    }

    static RuntimeException rethrowable(Throwable cause) {
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new MpException(String.valueOf(cause.getMessage()), cause);
    }

    static String describe(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
