package org.multiprocessing4j.internal.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Connection;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.errors.BadArgumentsException;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.shared.SharedKind;
import org.multiprocessing4j.internal.shared.SharedOpener;

/**
 * Opens the references that arrive in one scope (a job's arguments on a worker; a client's
 * results) and closes what it opened when the scope ends. Thread-safe.
 */
public final class SharedObjects implements SharedOpener, AutoCloseable {
    private final SharedContext context;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public SharedObjects(Connection connection, Topology topology, int maxMessageSize) {
        this.context = new SharedContext(connection, topology, maxMessageSize, this);
    }

    /** What a kind needs to create or open a handle in this scope. */
    public SharedContext context() {
        return context;
    }

    @Override
    public Object open(String kind, JsonNode ref) {
        SharedKind<?> known = SharedKinds.named(kind);
        if (known == null) {
            throw new BadArgumentsException("a reference to a shared object of unknown kind '" + kind
                    + "' (this side knows: " + String.join(", ", SharedKinds.names()) + ")");
        }
        return track(known.open(ref, context));
    }

    /** Closes the handle with this scope (a handle made here rather than opened from a reference). */
    public <H> H track(H handle) {
        AutoCloseable release = handle instanceof SharedHandle shared ? shared.scopeRelease()
                : handle instanceof AutoCloseable closeable ? closeable : null;
        if (release != null) {
            synchronized (opened) {
                opened.add(release);
            }
        }
        return handle;
    }

    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (opened) {
            toClose = new ArrayList<>(opened);
            opened.clear();
        }
        for (AutoCloseable handle : toClose) {
            try {
                handle.close();
            } catch (Exception ignored) {
                // a handle that cannot close cleanly (link down) is released with its channels anyway
            }
        }
    }
}
