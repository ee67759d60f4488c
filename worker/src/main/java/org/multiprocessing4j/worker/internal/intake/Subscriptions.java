package org.multiprocessing4j.worker.internal.intake;

import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.task.Priority;
import org.multiprocessing4j.worker.internal.job.JobDelivery;

/**
 * One worker's subscriptions: one per named queue it takes and per priority, each with
 * prefetch = concurrency, all feeding the same slots. Started, stopped and replaced together.
 */
public final class Subscriptions implements AutoCloseable {
    /** Where a delivery goes, with the priority of the queue it came from. */
    @FunctionalInterface
    public interface Deliveries {
        void deliver(JobDelivery delivery, Priority priority);
    }

    private final List<JobsSubscription> subscriptions = new ArrayList<>();
    private final List<String> brokerQueues = new ArrayList<>();

    /** Subscribes to every (queue, priority) jobs queue; they must be declared already. */
    public Subscriptions(Connection connection, Topology topology, List<String> queues, int concurrency,
                         Deliveries deliveries, Runnable onCancelledByBroker, RedeliveryCounter redeliveries)
            throws IOException {
        try {
            for (String queue : queues) {
                for (Priority priority : Priority.values()) {
                    String brokerQueue = topology.jobsQueue(queue, priority);
                    JobsSubscription subscription = new JobsSubscription(connection, brokerQueue, concurrency,
                            delivery -> deliveries.deliver(delivery, priority), onCancelledByBroker, redeliveries);
                    subscriptions.add(subscription);
                    subscription.start();
                    brokerQueues.add(brokerQueue);
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The broker queues taken (for the starvation check: jobs waiting that never reach this worker). */
    public List<String> brokerQueues() {
        return List.copyOf(brokerQueues);
    }

    /** Takes no new jobs; jobs in hand carry on and are acknowledged as they finish. */
    public void stopTakingWork() {
        subscriptions.forEach(JobsSubscription::stopTakingWork);
    }

    @Override
    public void close() {
        subscriptions.forEach(JobsSubscription::close);
    }
}
