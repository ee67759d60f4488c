package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteRLock;
import org.multiprocessing4j.sync.RemoteValue;

/** Value: one state message {@code {"typecode": "i", "value": 0}} that is also its lock's token ({@link CellLock}). */
public final class AmqpValue implements RemoteValue, SharedHandle {
    private final SharedContext context;
    private final SyncTopology names;
    private final String typecode;
    private final CellLock lock;
    private final boolean deleteOnClose;

    private AmqpValue(SharedContext context, SyncTopology names, String typecode, boolean deleteOnClose) {
        this.context = context;
        this.names = names;
        this.typecode = typecode;
        this.deleteOnClose = deleteOnClose;
        this.lock = new CellLock(context, names);
    }

    public static AmqpValue create(SharedContext context, String name, String typecode, Object initial) {
        TypeCodes.check(typecode);
        ObjectNode state = ValueCodec.nodes().objectNode().put("typecode", typecode);
        state.set("value", TypeCodes.toJson(typecode, initial == null ? TypeCodes.zero(typecode) : initial));
        SyncTopology names = SyncNames.of(context, SyncKinds.VALUE_NAME, name);
        Creation.ensure(context.connection(), names, channel -> {
            names.declareFresh(channel, java.util.Map.of());
            channel.basicPublish("", names.mainQueue(), true, Tokens.persistent(),
                    state.toString().getBytes(StandardCharsets.UTF_8));
        });
        return new AmqpValue(context, names, typecode, names.anonymous());
    }

    public static AmqpValue open(SharedContext context, String name, String typecode) {
        return new AmqpValue(context, SyncNames.existing(context, SyncKinds.VALUE_NAME, name), TypeCodes.check(typecode), false);
    }

    @Override
    public String typecode() {
        return typecode;
    }

    @Override
    public Object get() {
        return lock.read(state -> TypeCodes.toJava(typecode, state.path("value")));
    }

    @Override
    public long getLong() {
        return ((Number) asNumber(get())).longValue();
    }

    @Override
    public int getInt() {
        return Math.toIntExact(getLong());
    }

    @Override
    public double getDouble() {
        return ((Number) asNumber(get())).doubleValue();
    }

    private Object asNumber(Object value) {
        if (value instanceof Number) {
            return value;
        }
        throw new IllegalStateException(this + " holds " + value + ", not a number");
    }

    @Override
    public void set(Object value) {
        var json = TypeCodes.toJson(typecode, value); // a value that does not fit fails before the lock is taken
        lock.write(state -> ((ObjectNode) state).set("value", json));
    }

    @Override
    public RemoteRLock getLock() {
        return lock;
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
        return ValueCodec.nodes().objectNode().put("name", names.name()).put("typecode", typecode);
    }

    @Override
    public void delete() {
        SyncNames.delete(context, names);
    }

    @Override
    public void close() {
        lock.close();
        if (deleteOnClose && context.connection().isOpen()) {
            delete();
        }
    }

    @Override
    public String toString() {
        return "Value('" + typecode + "', '" + names.name() + "')";
    }
}
