package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.errors.BrokenBarrierException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteBarrier;

/**
 * Barrier: the state ({@link BarrierState}) is one message that is also the barrier's mutex, taken
 * and replaced in broker transactions ({@link Tokens}, transactional). The last party to arrive runs
 * the action and publishes the next generation with a "passed" notice in the same transaction;
 * waiting parties hold a life token ({@link BarrierParty}) that the broker turns into a "died"
 * notice if they die, which breaks the barrier for the others.
 */
public final class AmqpBarrier implements RemoteBarrier, SharedHandle {
    private static final int DEATHS_KEPT = 100;
    private final SharedContext context;
    private final SyncTopology names;
    private final int parties;
    private final Runnable action;
    private final boolean hasAction;
    private final Duration defaultTimeout;
    private final boolean deleteOnClose;
    private final Tokens cell;
    private BarrierNotices notices; // guarded by this

    private AmqpBarrier(SharedContext context, SyncTopology names, int parties, Runnable action, boolean hasAction,
                        Duration timeout, boolean deleteOnClose) {
        this.context = context;
        this.hasAction = hasAction || action != null;
        this.names = names;
        this.parties = parties;
        this.action = action;
        this.defaultTimeout = timeout;
        this.deleteOnClose = deleteOnClose;
        this.cell = new Tokens(context.connection(), names.mainQueue(), toString(), true);
    }

    /** The action runs in the last party to arrive, if that party's handle has it (it does not travel). */
    public static AmqpBarrier create(SharedContext context, String name, int parties, Runnable action, Duration timeout) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be at least 1, got " + parties);
        }
        SyncNames.checkTimeout(timeout);
        SyncTopology names = SyncNames.of(context, SyncKinds.BARRIER_NAME, name);
        Creation.ensure(context.connection(), names, channel -> {
            names.declareFresh(channel, Map.of());
            channel.queueDeclare(names.deathsQueue(), true, false, false, Map.of("x-max-length", DEATHS_KEPT));
            channel.queuePurge(names.deathsQueue());
            channel.basicPublish("", names.mainQueue(), true, Tokens.persistent(), BarrierState.initial().toBytes());
            names.declareExchange(channel); // the ready mark: after the state, so a creator dying earlier leaves none
            channel.queueBind(names.deathsQueue(), names.exchange(), "");
        });
        AmqpBarrier barrier = new AmqpBarrier(context, names, parties, action, false, timeout, names.anonymous());
        if (action != null) {
            barrier.notices(); // listens for "ready" from last parties that cannot run the action themselves
        }
        return barrier;
    }

    /** @param hasAction the creator's handle has an action: a last party elsewhere leaves it to the creator */
    public static AmqpBarrier open(SharedContext context, String name, int parties, boolean hasAction, Duration timeout) {
        return new AmqpBarrier(context, SyncNames.existing(context, SyncKinds.BARRIER_NAME, name), parties, null,
                hasAction, timeout, false);
    }

    @Override
    public int await() {
        return await(null);
    }

    @Override
    public int await(Duration timeout) {
        SyncNames.checkTimeout(timeout);
        Duration limit = timeout != null ? timeout : defaultTimeout;
        BarrierNotices listening = notices(); // subscribed before the state is read: no notice is missed
        Tokens.Token token = cell.take(true, null);
        BarrierState state = withDeaths(BarrierState.parse(token.body()));
        if (state.broken()) {
            cell.replace(token, state.toBytes(), "", List.of());
            throw new BrokenBarrierException(this + " is broken");
        }
        int index = state.count();
        boolean last = index + 1 == parties;
        if (last && (action != null || !hasAction)) {
            pass(token, state);
            return index;
        }
        CompletableFuture<String> outcome = listening.register(state.gen());
        try (BarrierParty party = joinAsParty()) {
            cell.publishInTransaction("", party.queue(), Tokens.persistent(), BarrierState.notice(BarrierState.DIED, state.gen()));
            cell.replace(token, state.arrived().toBytes(), names.exchange(),
                    last ? List.of(BarrierState.notice(BarrierState.READY, state.gen())) : List.of());
            String event = listening.await(outcome, limit);
            if (BarrierState.PASSED.equals(event)) {
                return index;
            }
            if (event == null) {
                breakGeneration(state.gen());
                throw new BrokenBarrierException(this + ": timed out after " + limit.toMillis() + " ms waiting for "
                        + parties + " parties (barrier now broken)");
            }
            throw new BrokenBarrierException(this + " was " + describe(event) + " while this party waited");
        }
    }

    private void pass(Tokens.Token token, BarrierState state) {
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                cell.replace(token, state.broke().toBytes(), names.exchange(),
                        List.of(BarrierState.notice(BarrierState.BROKEN, state.gen())));
                throw e;
            }
        }
        cell.replace(token, state.next(BarrierState.PASSED).toBytes(), names.exchange(),
                List.of(BarrierState.notice(BarrierState.PASSED, state.gen())));
    }

    /** On the creator's handle: every party of {@code gen} arrived elsewhere; run the action and pass. */
    private void runActionFor(long gen) {
        try {
            Tokens.Token token = cell.take(true, null);
            BarrierState state = withDeaths(BarrierState.parse(token.body()));
            if (state.gen() == gen && state.count() == parties && !state.broken()) {
                pass(token, state);
            } else {
                cell.replace(token, state.toBytes(), "", List.of());
            }
        } catch (RuntimeException e) {
            // the action failed (the barrier is broken and the parties told) or the link went: nothing to add
        }
    }

    /** Applies "died" notices kept in the deaths queue (taken in the current transaction). */
    private BarrierState withDeaths(BarrierState state) {
        BarrierState result = state;
        for (byte[] notice; (notice = cell.takeInTransaction(names.deathsQueue())) != null; ) {
            var node = ValueCodec.parse(notice);
            if (BarrierState.DIED.equals(node.path("event").asText()) && node.path("gen").asLong() == state.gen()
                    && state.count() > 0) {
                result = result.broke();
            }
        }
        return result;
    }

    private void breakGeneration(long gen) {
        Tokens.Token token = cell.take(true, null);
        BarrierState state = withDeaths(BarrierState.parse(token.body()));
        if (state.gen() == gen && !state.broken()) {
            cell.replace(token, state.broke().toBytes(), names.exchange(), List.of(BarrierState.notice(BarrierState.BROKEN, gen)));
        } else {
            cell.replace(token, state.toBytes(), "", List.of());
        }
    }

    @Override
    public void abort() {
        breakNow();
    }

    private void breakNow() {
        Tokens.Token token = cell.take(true, null);
        BarrierState state = withDeaths(BarrierState.parse(token.body()));
        cell.replace(token, state.broke().toBytes(), names.exchange(), List.of(BarrierState.notice(BarrierState.BROKEN, state.gen())));
    }

    @Override
    public void reset() {
        Tokens.Token token = cell.take(true, null);
        BarrierState state = BarrierState.parse(token.body());
        withDeaths(state); // old deaths are forgotten with their generation
        List<byte[]> told = new ArrayList<>();
        if (state.count() > 0) {
            told.add(BarrierState.notice(BarrierState.RESET, state.gen()));
        }
        cell.replace(token, state.next(BarrierState.RESET).toBytes(), names.exchange(), told);
    }

    @Override
    public int parties() {
        return parties;
    }

    @Override
    public int nWaiting() {
        BarrierState state = readState();
        return state.broken() ? 0 : state.count();
    }

    @Override
    public boolean broken() {
        return readState().broken();
    }

    private BarrierState readState() {
        Tokens.Token token = cell.take(true, null);
        BarrierState state = withDeaths(BarrierState.parse(token.body()));
        cell.replace(token, state.toBytes(), "", List.of());
        return state;
    }

    private synchronized BarrierNotices notices() {
        if (notices == null) {
            notices = new BarrierNotices(context, names, this::readState, action == null ? null : this::runActionFor);
        }
        return notices;
    }

    private BarrierParty joinAsParty() {
        try {
            return BarrierParty.join(context.connection(), names);
        } catch (IOException e) {
            throw Creation.lost("wait at", names, e);
        }
    }

    private static String describe(String event) {
        return switch (event) {
            case BarrierState.RESET -> "reset";
            case BarrierState.DIED -> "broken by a party that died (its process or link was lost)";
            default -> "broken (aborted, timed out or its action failed)";
        };
    }

    @Override
    public String name() {
        return names.name();
    }

    @Override
    public String sharedKind() {
        return names.kind();
    }

    @Override
    public ObjectNode sharedRef() {
        ObjectNode ref = ValueCodec.nodes().objectNode().put("name", names.name()).put("parties", parties)
                .put("action", hasAction);
        if (defaultTimeout != null) {
            ref.put("timeout_ms", defaultTimeout.toMillis());
        }
        return ref;
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public synchronized void close() {
        if (notices != null) {
            notices.close();
        }
        cell.close();
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    @Override
    public String toString() {
        return "Barrier('" + names.name() + "', parties " + parties + ")";
    }
}
