package org.multiprocessing4j.internal.shared;

import com.rabbitmq.client.Connection;
import org.multiprocessing4j.internal.amqp.Topology;

/**
 * What a side gives a {@link SharedKind} to open handles: its connection, the names of its
 * namespace, the largest message it may send, and the opener for references found inside values
 * a handle reads (a queue item may itself hold a queue).
 */
public record SharedContext(Connection connection, Topology topology, int maxMessageSize, SharedOpener opener) {
}
