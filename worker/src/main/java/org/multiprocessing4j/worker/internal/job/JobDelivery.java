package org.multiprocessing4j.worker.internal.job;

import com.rabbitmq.client.AMQP;
import java.util.Map;

/** One job as the broker delivered it, with the acker of the channel it came on. */
public record JobDelivery(long deliveryTag, AMQP.BasicProperties properties, byte[] body, Acker acker) {

    public String replyTo() {
        return properties.getReplyTo();
    }

    /** 1 on the first delivery; quorum queues count earlier failed deliveries in x-delivery-count. */
    public int attempt() {
        Map<String, Object> headers = properties.getHeaders();
        Object count = headers == null ? null : headers.get("x-delivery-count");
        return count instanceof Number n ? n.intValue() + 1 : 1;
    }
}
