package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteRLock;

/**
 * RLock on one token: the first acquire by a thread takes the token, nested ones count; the last
 * release gives it back. The owner is a thread of this handle (CPython: a thread of a process).
 */
public final class AmqpRLock implements RemoteRLock, ConditionLock {
    private final SharedContext context;
    private final SyncTopology names;
    private final boolean deleteOnClose;
    private final Tokens tokens;
    private final Object state = new Object();
    private Thread owner; // guarded by state
    private int depth; // guarded by state
    private Tokens.Token token; // guarded by state

    private AmqpRLock(SharedContext context, SyncTopology names, boolean deleteOnClose) {
        this.context = context;
        this.names = names;
        this.deleteOnClose = deleteOnClose;
        this.tokens = new Tokens(context.connection(), names.mainQueue(), toString());
    }

    public static AmqpRLock create(SharedContext context, String name) {
        SyncTopology names = SyncNames.of(context, SyncKinds.RLOCK_NAME, name);
        Creation.ensure(context.connection(), names, channel -> {
            names.declareFresh(channel, java.util.Map.of());
            channel.basicPublish("", names.mainQueue(), true, Tokens.persistent(), AmqpSemaphore.TOKEN);
        });
        return new AmqpRLock(context, names, names.anonymous());
    }

    public static AmqpRLock open(SharedContext context, String name) {
        return new AmqpRLock(context, SyncNames.existing(context, SyncKinds.RLOCK_NAME, name), false);
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
        Tokens.Token taken = tokens.take(block, timeout);
        if (taken == null) {
            return false;
        }
        synchronized (state) {
            owner = Thread.currentThread();
            depth = 1;
            token = taken;
        }
        return true;
    }

    @Override
    public void release() {
        Tokens.Token giving;
        synchronized (state) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("cannot release un-acquired lock (" + this
                        + " is not owned by this thread)");
            }
            if (--depth > 0) {
                return;
            }
            giving = token;
            owner = null;
            token = null;
        }
        tokens.giveBack(giving);
    }

    @Override
    public boolean ownedByCaller() {
        return isOwned();
    }

    /** The depth the calling thread holds, set to 0 (a Condition's wait releases it all). */
    @Override
    public int releaseForWait() {
        int saved;
        synchronized (state) {
            if (owner != Thread.currentThread()) {
                throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
            }
            saved = depth;
            depth = 1;
        }
        release();
        return saved;
    }

    /** Takes it again with the depth {@link #releaseForWait} saved. */
    @Override
    public void restore(int savedDepth) {
        acquire(true, null);
        synchronized (state) {
            depth = savedDepth;
        }
    }

    @Override
    public boolean locked() {
        return isOwned() || tokens.free() == 0;
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
    public String sharedKind() {
        return names.kind();
    }

    @Override
    public ObjectNode sharedRef() {
        return ValueCodec.nodes().objectNode().put("name", names.name());
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        synchronized (state) {
            owner = null;
            depth = 0;
            token = null;
        }
        tokens.close();
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    @Override
    public String toString() {
        return "RLock('" + names.name() + "')";
    }
}
