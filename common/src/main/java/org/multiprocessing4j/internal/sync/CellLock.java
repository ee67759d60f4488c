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
    private final Object state = new Object();
    private Thread owner; // guarded by state
    private int depth; // guarded by state
    private Tokens.Token token; // guarded by state
    private JsonNode value; // guarded by state
    private boolean dirty; // guarded by state

    CellLock(SharedContext context, SyncTopology names) {
        this.context = context;
        this.names = names;
        this.cell = new Tokens(context.connection(), names.mainQueue(), names.kind() + "('" + names.name() + "') lock", true);
    }

    @Override
    public boolean acquire(boolean block, Duration timeout) {
        SyncNames.checkTimeout(timeout);
        synchronized (state) {
            if (owner == Thread.currentThread()) {
                depth++;
                return true;
            }
        }
        Tokens.Token taken = cell.take(block, timeout);
        if (taken == null) {
            return false;
        }
        synchronized (state) {
            owner = Thread.currentThread();
            depth = 1;
            token = taken;
            value = ValueCodec.parse(taken.body());
            dirty = false;
        }
        return true;
    }

    @Override
    public void release() {
        Tokens.Token giving;
        JsonNode changed;
        synchronized (state) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("cannot release un-acquired lock (" + this + " is not owned by this thread)");
            }
            if (--depth > 0) {
                return;
            }
            giving = token;
            changed = dirty ? value : null;
            owner = null;
            token = null;
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
            synchronized (state) {
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
            synchronized (state) {
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
        synchronized (state) {
            return owner == Thread.currentThread();
        }
    }

    @Override
    public int holdCount() {
        synchronized (state) {
            return owner == Thread.currentThread() ? depth : 0;
        }
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
        synchronized (state) {
            owner = null;
            token = null;
        }
        cell.close();
    }

    @Override
    public String toString() {
        return "RLock of " + names.kind() + "('" + names.name() + "')";
    }
}
