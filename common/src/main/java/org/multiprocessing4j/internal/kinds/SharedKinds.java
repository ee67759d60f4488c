package org.multiprocessing4j.internal.kinds;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.multiprocessing4j.internal.joinable.JoinableKind;
import org.multiprocessing4j.internal.pipe.PipeKind;
import org.multiprocessing4j.internal.queue.QueueKind;
import org.multiprocessing4j.internal.simplequeue.SimpleQueueKind;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.internal.sync.SyncKinds;

/**
 * Every kind of shared object this build knows, by name. Adding a kind: implement
 * {@link SharedKind} in a package of its own and add one line here.
 */
public final class SharedKinds {
    private static final List<SharedKind<?>> ALL = List.of(
            new QueueKind(),
            SyncKinds.LOCK, SyncKinds.RLOCK, SyncKinds.SEMAPHORE, SyncKinds.EVENT, // issue 11: locks, events, values
            SyncKinds.CONDITION, SyncKinds.BARRIER, SyncKinds.VALUE, SyncKinds.ARRAY,
            new JoinableKind(),
            new SimpleQueueKind(),
            new PipeKind());

    private static final Map<String, SharedKind<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(SharedKind::name, Function.identity()));

    private SharedKinds() {
    }

    /** The kind of that name, or null. */
    public static SharedKind<?> named(String name) {
        return BY_NAME.get(name);
    }

    public static List<SharedKind<?>> all() {
        return ALL;
    }

    /** The names, for an error that says what this side knows. */
    public static List<String> names() {
        return ALL.stream().map(SharedKind::name).sorted().toList();
    }
}
