package org.multiprocessing4j.internal.sync;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;

/** Names, existence and deletion shared by every primitive. */
final class SyncNames {
    private SyncNames() {
    }

    /** The names for {@code name}; null gets a generated anonymous name (Python's {@code Lock()}). */
    static SyncTopology of(SharedContext context, String kind, String name) {
        String actual = name == null ? SyncTopology.ANONYMOUS_PREFIX + UUID.randomUUID() : name;
        return new SyncTopology(context.topology().namespace(), kind, actual);
    }

    /** The names of one that must exist already. */
    static SyncTopology existing(SharedContext context, String kind, String name) {
        SyncTopology names = new SyncTopology(context.topology().namespace(), kind, name);
        if (!Creation.exists(context.connection(), names)) {
            throw new MpException("no " + kind + " named '" + name + "' (create it first, or was it deleted?)");
        }
        return names;
    }

    static void delete(SharedContext context, SyncTopology names) {
        try {
            Channels.withTemporaryChannel(context.connection(), ch -> {
                names.deleteAll(ch);
                return null;
            });
        } catch (IOException e) {
            throw Creation.lost("delete", names, e);
        }
    }

    static void checkTimeout(Duration timeout) {
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
    }
}
