package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteRLock;

/** Array: one state message {@code {"typecode": "i", "items": [...]}} that is also its lock's token. */
public final class AmqpArray implements RemoteArray, SharedHandle {
    private final SharedContext context;
    private final SyncTopology names;
    private final String typecode;
    private final int length;
    private final CellLock lock;
    private final boolean deleteOnClose;

    private AmqpArray(SharedContext context, SyncTopology names, String typecode, int length, boolean deleteOnClose) {
        this.context = context;
        this.names = names;
        this.typecode = typecode;
        this.length = length;
        this.deleteOnClose = deleteOnClose;
        this.lock = new CellLock(context, names);
    }

    /** Python's {@code Array(typecode, initializer)}; {@link #zeros} for {@code Array(typecode, size)}. */
    public static AmqpArray create(SharedContext context, String name, String typecode, List<?> initial) {
        TypeCodes.check(typecode);
        ObjectNode state = ValueCodec.nodes().objectNode().put("typecode", typecode);
        ArrayNode items = state.putArray("items");
        initial.forEach(item -> items.add(TypeCodes.toJson(typecode, item)));
        SyncTopology names = SyncNames.of(context, SyncKinds.ARRAY_NAME, name);
        Creation.ensure(context.connection(), names, channel -> {
            names.declareFresh(channel, java.util.Map.of());
            channel.basicPublish("", names.mainQueue(), true, Tokens.persistent(),
                    state.toString().getBytes(StandardCharsets.UTF_8));
        });
        return new AmqpArray(context, names, typecode, initial.size(), names.anonymous());
    }

    public static List<Object> zeros(String typecode, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("array size must be >= 0, got " + size);
        }
        Object zero = TypeCodes.zero(TypeCodes.check(typecode));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(zero);
        }
        return items;
    }

    public static AmqpArray open(SharedContext context, String name, String typecode, int length) {
        return new AmqpArray(context, SyncNames.existing(context, SyncKinds.ARRAY_NAME, name), TypeCodes.check(typecode),
                length, false);
    }

    @Override
    public String typecode() {
        return typecode;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public Object get(int index) {
        checkIndex(index);
        return lock.read(state -> TypeCodes.toJava(typecode, state.path("items").path(index)));
    }

    @Override
    public int getInt(int index) {
        return Math.toIntExact(((Number) get(index)).longValue());
    }

    @Override
    public double getDouble(int index) {
        return ((Number) get(index)).doubleValue();
    }

    @Override
    public void set(int index, Object value) {
        checkIndex(index);
        var json = TypeCodes.toJson(typecode, value);
        lock.write(state -> {
            ((ArrayNode) state.path("items")).set(index, json);
            return state;
        });
    }

    @Override
    public List<Object> toList() {
        return lock.read(state -> {
            List<Object> items = new ArrayList<>();
            state.path("items").forEach(item -> items.add(TypeCodes.toJava(typecode, item)));
            return items;
        });
    }

    @Override
    public void setAll(List<?> values) {
        if (values.size() != length) {
            throw new IllegalArgumentException("can only assign a sequence of the same size (" + length + "), got "
                    + values.size());
        }
        ArrayNode items = ValueCodec.nodes().arrayNode();
        values.forEach(value -> items.add(TypeCodes.toJson(typecode, value)));
        lock.write(state -> ((ObjectNode) state).set("items", items));
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("array index out of range: " + index + " (length " + length + ")");
        }
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
        return ValueCodec.nodes().objectNode().put("name", names.name()).put("typecode", typecode).put("length", length);
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
        return "Array('" + typecode + "', '" + names.name() + "', length " + length + ")";
    }
}
