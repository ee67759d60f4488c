package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteSemaphore;

/**
 * Lock, Semaphore and BoundedSemaphore on {@link Tokens}: a Lock is a bounded semaphore of one.
 * The tokens this handle holds are kept in a stack; any thread of this side may release one.
 */
public final class AmqpSemaphore implements RemoteLock, RemoteSemaphore, ConditionLock {
    static final byte[] TOKEN = "{\"token\":true}".getBytes(StandardCharsets.UTF_8);
    private final SyncTopology names;
    private final SharedContext context;
    private final boolean bounded;
    private final boolean deleteOnClose;
    private final Tokens tokens;
    private final Deque<Tokens.Token> held = new ArrayDeque<>(); // guarded by itself

    private AmqpSemaphore(SharedContext context, SyncTopology names, boolean bounded, boolean deleteOnClose) {
        this.context = context;
        this.deleteOnClose = deleteOnClose;
        this.names = names;
        this.bounded = bounded;
        this.tokens = new Tokens(context.connection(), names.mainQueue(), describe(names));
    }

    /** Creates it with {@code permits} tokens unless it exists (then it is opened as it is). */
    public static AmqpSemaphore create(SharedContext context, String kind, String name, int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0, got " + permits);
        }
        SyncTopology names = SyncNames.of(context, kind, name);
        Creation.ensure(context.connection(), names, channel -> {
            names.declareFresh(channel, java.util.Map.of());
            for (int i = 0; i < permits; i++) {
                channel.basicPublish("", names.mainQueue(), true, Tokens.persistent(), TOKEN);
            }
        });
        return new AmqpSemaphore(context, names, bounded, names.anonymous());
    }

    /** Opens one that exists (a reference that travelled, or a name given). */
    public static AmqpSemaphore open(SharedContext context, String kind, String name, boolean bounded) {
        return new AmqpSemaphore(context, SyncNames.existing(context, kind, name), bounded, false);
    }

    @Override
    public boolean acquire(boolean block, Duration timeout) {
        SyncNames.checkTimeout(timeout);
        Tokens.Token token = tokens.take(block, timeout);
        if (token == null) {
            return false;
        }
        synchronized (held) {
            held.push(token);
        }
        return true;
    }

    @Override
    public void release() {
        Tokens.Token token;
        synchronized (held) {
            token = held.poll();
        }
        if (token != null) {
            tokens.giveBack(token);
        } else if (bounded) {
            throw new IllegalMonitorStateException("semaphore or lock released too many times ("
                    + describe(names) + " is not held through this handle)");
        } else {
            tokens.add(1, TOKEN); // CPython's Semaphore grows when released more than acquired
        }
    }

    /** CPython checks the owning thread; a token has no thread here, so holding one through this handle counts. */
    @Override
    public boolean ownedByCaller() {
        synchronized (held) {
            return !held.isEmpty();
        }
    }

    @Override
    public int releaseForWait() {
        if (!ownedByCaller()) {
            throw new IllegalMonitorStateException("cannot wait on un-acquired lock");
        }
        release();
        return 1;
    }

    @Override
    public void restore(int saved) {
        acquire(true, null);
    }

    @Override
    public boolean bounded() {
        return bounded;
    }

    @Override
    public boolean locked() {
        return ownedByCaller() || tokens.free() == 0;
    }

    @Override
    public int value() {
        return tokens.free();
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
        ObjectNode ref = ValueCodec.nodes().objectNode().put("name", names.name());
        if (SyncKinds.SEMAPHORE_NAME.equals(names.kind())) {
            ref.put("bounded", bounded);
        }
        return ref;
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        synchronized (held) {
            held.clear(); // the broker puts them back when the channel closes
        }
        tokens.close();
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    @Override
    public String toString() {
        return describe(names);
    }

    private static String describe(SyncTopology names) {
        String type = switch (names.kind()) {
            case SyncKinds.LOCK_NAME -> "Lock";
            default -> "Semaphore";
        };
        return type + "('" + names.name() + "')";
    }
}
