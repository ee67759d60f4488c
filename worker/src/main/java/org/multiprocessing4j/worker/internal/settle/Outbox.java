package org.multiprocessing4j.worker.internal.settle;

import com.rabbitmq.client.Connection;
import java.util.concurrent.ScheduledExecutorService;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.JobRouting;
import org.multiprocessing4j.internal.amqp.Topology;

/**
 * What settlement sends besides replies: lease copies, retries and buried jobs, on a publisher of
 * their own (a slow one never delays replies), routed as producers route jobs; and the timers for
 * retrying and renewing.
 */
public record Outbox(Connection connection, Topology topology, ConfirmingPublisher publisher, JobRouting routing,
                     ScheduledExecutorService timers) {
}
