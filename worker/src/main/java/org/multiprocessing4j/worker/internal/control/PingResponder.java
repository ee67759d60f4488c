package org.multiprocessing4j.worker.internal.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.function.Supplier;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.WorkerInfo;

/**
 * Answers pings on the control exchange with this worker's state, so {@code producer workers}
 * can list live workers. Its queue is exclusive: it disappears with the worker.
 */
public final class PingResponder implements AutoCloseable {
    private final Channel channel;

    public PingResponder(com.rabbitmq.client.Connection connection, Topology topology, Supplier<WorkerInfo> info)
            throws IOException {
        channel = connection.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, topology.controlExchange(), "");
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                if (MessageType.PING.equals(properties.getType()) && properties.getReplyTo() != null) {
                    getChannel().basicPublish("", properties.getReplyTo(), Envelopes.workerInfo(),
                            WireCodec.encode(info.get()));
                }
            }
        });
    }

    @Override
    public void close() {
        Channels.closeQuietly(channel);
    }
}
