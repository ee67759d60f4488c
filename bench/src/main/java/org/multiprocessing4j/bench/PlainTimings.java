package org.multiprocessing4j.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A plain amqp-client's figures, taken in the same run as the Lock's so that they are read side by
 * side on the same broker and machine load: one broker round trip (a passive queue.declare, what an
 * uncontended acquire is at least), and one publish-to-delivery hop between two connections (what a
 * hand-off from one process to another is at least). Its connections stay open across rounds, as
 * the Lock's do.
 */
final class PlainTimings implements AutoCloseable {
    /** One round's figures; latencies in ms. */
    record Figures(double roundTripsPerSecond, double roundTripP50Ms, double hopP50Ms, double hopP99Ms) {
    }

    private final Connection sender;
    private final Connection receiver;
    private final Channel send;
    private final String queue;
    private final BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1);

    PlainTimings(String uri) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        sender = factory.newConnection("mp4j bench plain sender");
        receiver = factory.newConnection("mp4j bench plain receiver");
        send = sender.createChannel();
        Channel receive = receiver.createChannel();
        // Not exclusive: the other connection's passive declare (the round trip measured) must see it;
        // auto-delete: it goes when its consumer's connection closes.
        queue = receive.queueDeclare("", false, false, true, null).getQueue();
        receive.basicConsume(queue, true, new DefaultConsumer(receive) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                arrivals.add(System.nanoTime());
            }
        });
    }

    Figures round(int cycles) throws Exception {
        Histogram roundTrips = new Histogram(3);
        long started = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            long t = System.nanoTime();
            send.queueDeclarePassive(queue);
            roundTrips.recordValue((System.nanoTime() - t) / 1000);
        }
        double perSecond = cycles / ((System.nanoTime() - started) / 1e9);
        Histogram hops = new Histogram(3);
        for (int i = 0; i < cycles; i++) {
            long sent = System.nanoTime();
            send.basicPublish("", queue, null, new byte[16]);
            Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
            if (arrived == null) {
                throw new IllegalStateException("a plain message was not delivered within 10 s");
            }
            hops.recordValue((arrived - sent) / 1000);
        }
        return new Figures(perSecond, roundTrips.getValueAtPercentile(50) / 1000.0,
                hops.getValueAtPercentile(50) / 1000.0, hops.getValueAtPercentile(99) / 1000.0);
    }

    @Override
    public void close() throws Exception {
        try {
            sender.close();
        } finally {
            receiver.close();
        }
    }
}
