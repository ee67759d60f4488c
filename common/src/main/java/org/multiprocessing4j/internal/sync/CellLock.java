package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteRLock;

/**
 * The RLock of a Value or Array, whose token is the state itself: taking the lock takes the one
 * state message; reads and writes work on the copy in hand; the last release publishes the new
 * state and acknowledges the old one in one broker transaction (or just gives it back when
 * nothing changed). A holder that dies before that leaves the old state in the queue.
 */
final class CellLock implements RemoteRLock {
    private final SyncTopology names;
    private final SharedContext context;
    private final Tokens cell;
    private final ReentrantHold hold = new ReentrantHold();
    private JsonNode value; // guarded by hold
    private boolean dirty; // guarded by hold

    CellLock(SharedContext context, SyncTopology names) {
        this.context = context;
        this.names = names;
        this.cell = new Tokens(context.connection(), names.mainQueue(), names.kind() + "('" + names.name() + "') lock", true);
    }

    @Override
    public boolean acquire(boolean block, Duration timeout) {
        SyncNames.checkTimeout(timeout);
        if (hold.reenter()) {
            return true;
        }
        Tokens.Token taken = cell.take(block, timeout);
        if (taken == null) {
            return false;
        }
        synchronized (hold) {
            hold.begin(taken);
            value = ValueCodec.parse(taken.body());
            dirty = false;
        }
        return true;
    }

    @Override
    public void release() {
        Tokens.Token giving;
        JsonNode changed;
        synchronized (hold) {
            giving = hold.leave(this);
            if (giving == null) {
                return;
            }
            changed = dirty ? value : null;
            value = null;
            dirty = false;
        }
        if (changed == null) {
            cell.giveBack(giving);
        } else {
            cell.replace(giving, changed.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "", List.of());
        }
    }

    /** Runs {@code read} on the state under the lock (taken and given back around it unless held). */
    <T> T read(Function<JsonNode, T> read) {
        acquire(true, null);
        try {
            synchronized (hold) {
                return read.apply(value);
            }
        } finally {
            release();
        }
    }

    /** Changes the state under the lock; published when the outermost hold is released. */
    void write(java.util.function.UnaryOperator<JsonNode> change) {
        acquire(true, null);
        try {
            synchronized (hold) {
                value = change.apply(value.deepCopy());
                dirty = true;
            }
        } finally {
            release();
        }
    }

    @Override
    public boolean locked() {
        return isOwned() || cell.free() == 0;
    }

    @Override
    public boolean isOwned() {
        return hold.heldByCaller();
    }

    @Override
    public int holdCount() {
        return hold.depthOfCaller();
    }

    @Override
    public String name() {
        return names.name();
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        hold.forget();
        cell.close();
    }

    @Override
    public String toString() {
        return "RLock of " + names.kind() + "('" + names.name() + "')";
    }
}
