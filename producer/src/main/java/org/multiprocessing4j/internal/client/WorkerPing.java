package org.multiprocessing4j.internal.client;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.WorkerInfo;

/**
 * Asks every live worker to say who it is: a ping on the control exchange, answers through
 * RabbitMQ's direct reply-to (no queue to create or clean up), collected for a short while.
 */
public final class WorkerPing {
    private static final String DIRECT_REPLY_TO = "amq.rabbitmq.reply-to";

    private WorkerPing() {
    }

    public static List<WorkerInfo> ping(Connection connection, Topology topology, Duration wait) throws IOException {
        List<WorkerInfo> answers = new CopyOnWriteArrayList<>();
        Channel channel = connection.createChannel();
        try {
            // Direct reply-to requires consuming (no-ack) before publishing on the same channel.
            channel.basicConsume(DIRECT_REPLY_TO, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    if (MessageType.WORKER_INFO.equals(properties.getType())) {
                        try {
                            answers.add(WireCodec.decodeWorkerInfo(body));
                        } catch (EncodingException ignored) {
                            // a worker speaking another protocol version: not listed
                        }
                    }
                }
            });
            channel.basicPublish(topology.controlExchange(), "", Envelopes.ping(DIRECT_REPLY_TO), "{}".getBytes());
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Channels.closeQuietly(channel);
        }
        List<WorkerInfo> sorted = new ArrayList<>(answers);
        sorted.sort(Comparator.comparing(info -> info.worker().name()));
        return sorted;
    }
}
