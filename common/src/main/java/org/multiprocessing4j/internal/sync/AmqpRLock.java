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
    private final ReentrantHold hold = new ReentrantHold();

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
        if (hold.reenter()) {
            return true;
        }
        Tokens.Token taken = tokens.take(block, timeout);
        if (taken == null) {
            return false;
        }
        hold.begin(taken);
        return true;
    }

    @Override
    public void release() {
        Tokens.Token giving = hold.leave(this);
        if (giving != null) {
            tokens.giveBack(giving);
        }
    }

    @Override
    public boolean ownedByCaller() {
        return isOwned();
    }

    /** The depth the calling thread holds, set to 0 (a Condition's wait releases it all). */
    @Override
    public int releaseForWait() {
        int saved = hold.flattenForWait();
        release();
        return saved;
    }

    /** Takes it again with the depth {@link #releaseForWait} saved. */
    @Override
    public void restore(int savedDepth) {
        acquire(true, null);
        hold.setDepth(savedDepth);
    }

    @Override
    public boolean locked() {
        return isOwned() || tokens.free() == 0;
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
        hold.forget();
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
