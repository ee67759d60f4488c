package org.multiprocessing4j.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.sync.RemoteArray;
import org.multiprocessing4j.sync.RemoteBarrier;
import org.multiprocessing4j.sync.RemoteCondition;
import org.multiprocessing4j.sync.RemoteEvent;
import org.multiprocessing4j.sync.RemoteLock;
import org.multiprocessing4j.sync.RemoteRLock;
import org.multiprocessing4j.sync.RemoteSemaphore;
import org.multiprocessing4j.sync.RemoteValue;

/**
 * The synchronization primitives as shared-object kinds: {@code {"__mp4j_lock__": {"name": "x"}}}
 * and so on (docs/PROTOCOL.md section 9). The receiving side opens the existing object; a
 * reference to one that was deleted is the task's error, never a new object.
 */
public final class SyncKinds {
    public static final String LOCK_NAME = "lock";
    public static final String RLOCK_NAME = "rlock";
    public static final String SEMAPHORE_NAME = "semaphore";
    public static final String EVENT_NAME = "event";
    public static final String CONDITION_NAME = "condition";
    public static final String BARRIER_NAME = "barrier";
    public static final String VALUE_NAME = "value";
    public static final String ARRAY_NAME = "array";

    public static final SharedKind<RemoteLock> LOCK = kind(LOCK_NAME, RemoteLock.class,
            (ref, context) -> AmqpSemaphore.open(context, LOCK_NAME, name(ref), true));
    public static final SharedKind<RemoteRLock> RLOCK = kind(RLOCK_NAME, RemoteRLock.class,
            (ref, context) -> AmqpRLock.open(context, name(ref)));
    public static final SharedKind<RemoteSemaphore> SEMAPHORE = kind(SEMAPHORE_NAME, RemoteSemaphore.class,
            (ref, context) -> AmqpSemaphore.open(context, SEMAPHORE_NAME, name(ref), ref.path("bounded").asBoolean(false)));
    public static final SharedKind<RemoteEvent> EVENT = kind(EVENT_NAME, RemoteEvent.class,
            (ref, context) -> AmqpEvent.open(context, name(ref)));
    public static final SharedKind<RemoteCondition> CONDITION = kind(CONDITION_NAME, RemoteCondition.class,
            (ref, context) -> AmqpCondition.open(context, name(ref), ref.path("lock")));
    public static final SharedKind<RemoteBarrier> BARRIER = kind(BARRIER_NAME, RemoteBarrier.class,
            (ref, context) -> AmqpBarrier.open(context, name(ref), positive(ref, "parties"), ref.path("action").asBoolean(false),
                    ref.has("timeout_ms") ? Duration.ofMillis(ref.path("timeout_ms").asLong()) : null));
    public static final SharedKind<RemoteValue> VALUE = kind(VALUE_NAME, RemoteValue.class,
            (ref, context) -> AmqpValue.open(context, name(ref), text(ref, "typecode")));
    public static final SharedKind<RemoteArray> ARRAY = kind(ARRAY_NAME, RemoteArray.class,
            (ref, context) -> AmqpArray.open(context, name(ref), text(ref, "typecode"), ref.path("length").asInt(0)));

    private SyncKinds() {
    }

    /** Every kind of this package, for the registry. */
    public static List<SharedKind<?>> all() {
        return List.of(LOCK, RLOCK, SEMAPHORE, EVENT, CONDITION, BARRIER, VALUE, ARRAY);
    }

    private static <H> SharedKind<H> kind(String name, Class<H> type, BiFunction<JsonNode, SharedContext, H> opener) {
        return new SharedKind<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<H> handleType() {
                return type;
            }

            @Override
            public H open(JsonNode ref, SharedContext context) {
                try {
                    return opener.apply(ref, context);
                } catch (IllegalArgumentException bad) {
                    throw new BadArgumentsException(name + " reference: " + bad.getMessage());
                }
            }
        };
    }

    private static String name(JsonNode ref) {
        return text(ref, "name");
    }

    private static String text(JsonNode ref, String field) {
        JsonNode value = ref.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("reference without a " + field + ": " + ref);
        }
        return value.textValue();
    }

    private static int positive(JsonNode ref, String field) {
        int value = ref.path(field).asInt(0);
        if (value < 1) {
            throw new IllegalArgumentException("reference without a positive " + field + ": " + ref);
        }
        return value;
    }
}
