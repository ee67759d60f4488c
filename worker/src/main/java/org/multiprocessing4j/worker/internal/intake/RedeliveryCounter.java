package org.multiprocessing4j.worker.internal.intake;

import com.rabbitmq.client.AMQP;
import java.util.HashMap;
import java.util.Map;
import org.multiprocessing4j.connection.JobsQueueType;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.multiprocessing4j.worker.internal.job.Acker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery limit of a classic jobs queue, kept by the workers: a classic queue does not count
 * deliveries, so without this a task that kills its worker every time would crash-loop the cluster.
 *
 * <p>A redelivered job (its earlier delivery ended without an ack: the worker died or lost its
 * link) is not run; it is published again to the queue it came from with
 * {@value Topology#DELIVERY_COUNT_HEADER} one higher, and the redelivery is acknowledged only once
 * the broker confirmed the copy, so a worker dying in between loses nothing (the job may then be
 * queued twice: at least once, one result for the caller). Past {@link Topology#DELIVERY_LIMIT}
 * the job goes to the dead-letter exchange instead, as the broker sends a quorum queue's poison
 * job, so the dead letters keep it and a worker tells its caller (PoisonTaskException).
 * Quorum jobs queues count deliveries themselves: nothing here applies to them.
 */
public final class RedeliveryCounter {
    private static final Logger log = LoggerFactory.getLogger(RedeliveryCounter.class);
    /** What {@code producer dead list} shows for a job the broker dead-lettered at its delivery limit. */
    private static final String POISON = "poison";

    private final ConfirmingPublisher publisher;
    private final Topology topology;
    private final WorkerRef identity;

    public RedeliveryCounter(ConfirmingPublisher publisher, Topology topology, WorkerRef identity) {
        this.publisher = publisher;
        this.topology = topology;
        this.identity = identity;
    }

    /** Whether a delivery is for this counter to settle rather than to run. */
    boolean takes(boolean redelivered) {
        return redelivered && topology.jobsQueueType() == JobsQueueType.CLASSIC;
    }

    /** Counts one more failed delivery of the job and puts it back, or dead-letters it past the limit. */
    void settle(String queue, long deliveryTag, AMQP.BasicProperties properties, byte[] body, Acker acker) {
        int failed = deliveryCount(properties) + 1;
        Map<String, Object> headers = new HashMap<>(properties.getHeaders() == null ? Map.of() : properties.getHeaders());
        headers.put(Topology.DELIVERY_COUNT_HEADER, failed);
        Outgoing copy;
        if (failed > Topology.DELIVERY_LIMIT) {
            log.warn("job {} was delivered {} times and never acknowledged (its worker died each time): dead-lettering it",
                    properties.getCorrelationId(), failed);
            headers.put("x-mp4j-dead-reason", POISON);
            headers.put("x-mp4j-dead-worker", identity.toString());
            headers.put("x-mp4j-dead-at", System.currentTimeMillis());
            headers.put(Topology.DEAD_ATTEMPTS_HEADER, failed);
            // Not mandatory, as the broker's own dead-lettering: a dead-letter queue missing now must not keep the job looping.
            copy = new Outgoing(topology.deadLetterExchange(), "", false, properties.builder().headers(headers).build(), body);
        } else {
            log.debug("job {} redelivered after {} failed deliveries: queued again", properties.getCorrelationId(), failed);
            copy = Outgoing.toQueue(queue, properties.builder().headers(headers).build(), body);
        }
        publisher.publish(copy).whenComplete((ok, failure) -> {
            if (failure == null) {
                acker.ack(deliveryTag, () -> { });
            } else {
                // Not counted: the broker delivers it again and the next worker tries to count it.
                log.warn("could not queue job {} again ({}); handing it back", properties.getCorrelationId(), failure.toString());
                acker.reject(deliveryTag, true, () -> { });
            }
        });
    }

    /** Failed deliveries counted so far by workers (absent: none). */
    static int deliveryCount(AMQP.BasicProperties properties) {
        Map<String, Object> headers = properties.getHeaders();
        Object count = headers == null ? null : headers.get(Topology.DELIVERY_COUNT_HEADER);
        return count instanceof Number n ? n.intValue() : 0;
    }
}
