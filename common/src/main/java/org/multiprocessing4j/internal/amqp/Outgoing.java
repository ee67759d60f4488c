package org.multiprocessing4j.internal.amqp;

import com.rabbitmq.client.AMQP;

/**
 * One message to publish. {@code properties.getMessageId()} must be set and unique among
 * unconfirmed messages: it is how a returned (unroutable) message is matched to its publish.
 */
public record Outgoing(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties properties, byte[] body) {

    /** To a queue by name, through the default exchange, failing if no such queue exists. */
    public static Outgoing toQueue(String queue, AMQP.BasicProperties properties, byte[] body) {
        return new Outgoing("", queue, true, properties, body);
    }
}
