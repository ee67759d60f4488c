package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.wire.ValueCodec;

/**
 * The notices a handle's waiting parties receive from the barrier's exchange: each waiting thread
 * registers for its generation and is completed by the first passed/broken/reset/died notice of it.
 * After a lost link (notices sent meanwhile went nowhere) each is settled from the state instead.
 */
final class BarrierNotices implements AutoCloseable {
    private final Map<CompletableFuture<String>, Long> waiting = new ConcurrentHashMap<>();
    private final Supplier<BarrierState> readState;
    private final java.util.function.LongConsumer onReady;
    private final WakeSubscription subscription;

    /** @param onReady null, or what the creator's handle does when every party arrived and the action is due */
    BarrierNotices(SharedContext context, SyncTopology names, Supplier<BarrierState> readState,
                   java.util.function.LongConsumer onReady) {
        this.readState = readState;
        this.onReady = onReady;
        this.subscription = WakeSubscription.open(context.connection(), names.exchange(), this::received, this::lookAgain);
    }

    CompletableFuture<String> register(long gen) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        waiting.put(outcome, gen);
        return outcome;
    }

    /** The notice's event, or null when {@code timeout} (null: none) ran out. */
    String await(CompletableFuture<String> outcome, Duration timeout) {
        try {
            return timeout == null ? outcome.get() : outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while waiting at a barrier", e);
        } catch (ExecutionException e) {
            throw new MpException("barrier wait failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            waiting.remove(outcome);
        }
    }

    private void received(byte[] body) {
        JsonNode notice = ValueCodec.parse(body);
        long gen = notice.path("gen").asLong(-1);
        String event = notice.path("event").asText();
        if (BarrierState.READY.equals(event)) {
            if (onReady != null) {
                Thread action = new Thread(() -> onReady.accept(gen), "mp4j-barrier-action");
                action.setDaemon(true);
                action.start(); // it talks to the broker: not on the client's dispatch thread
            }
            return;
        }
        waiting.forEach((outcome, waitingGen) -> {
            if (waitingGen == gen) {
                outcome.complete(event);
            }
        });
    }

    private void lookAgain() {
        try {
            BarrierState state = readState.get();
            waiting.forEach((outcome, gen) -> {
                if (state.gen() > gen) {
                    outcome.complete(state.gen() == gen + 1 ? state.lastEnd() : BarrierState.RESET);
                } else if (state.broken()) {
                    outcome.complete(BarrierState.BROKEN);
                }
            });
        } catch (MpException e) {
            // the link went again: the next recovery looks again
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
