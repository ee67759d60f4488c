package org.multiprocessing4j.worker.internal.settle;

import com.rabbitmq.client.Connection;
import java.util.concurrent.ScheduledExecutorService;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Topology;

/**
 * What settlement needs besides the reply channel: timers for retries and lease renewals, and a
 * connection, names and a publisher of its own for leases (a slow lease never delays replies).
 */
public record LeaseResources(Connection connection, Topology topology, ConfirmingPublisher publisher,
                             ScheduledExecutorService timers) {
}
