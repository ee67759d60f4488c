package org.multiprocessing4j.worker.internal.job;

import com.rabbitmq.client.AMQP;
import java.util.Map;
import org.multiprocessing4j.internal.amqp.Topology;

/** One job as the broker delivered it, with the acker of the channel it came on. */
public record JobDelivery(long deliveryTag, AMQP.BasicProperties properties, byte[] body, Acker acker) {

    public String replyTo() {
        return properties.getReplyTo();
    }

    /**
     * 1 on the first delivery; earlier failed deliveries are counted by a quorum queue in
     * x-delivery-count, by the workers for a classic one in x-mp4j-delivery-count.
     */
    public int attempt() {
        return Math.max(count("x-delivery-count"), count(Topology.DELIVERY_COUNT_HEADER)) + 1;
    }

    private int count(String header) {
        Map<String, Object> headers = properties.getHeaders();
        Object count = headers == null ? null : headers.get(header);
        return count instanceof Number n ? n.intValue() : 0;
    }
}
