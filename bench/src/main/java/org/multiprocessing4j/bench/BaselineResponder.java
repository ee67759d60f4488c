package org.multiprocessing4j.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The baseline's server: plain amqp-client request/reply with the same guarantees as a worker,
 * and nothing else. Consumes a durable queue (manual ack, prefetch N), publishes a persistent reply
 * with a confirm, and acknowledges the request once the reply is confirmed.
 *
 * <p>Args: URI QUEUE PREFETCH [quorum]
 */
public final class BaselineResponder {
    private BaselineResponder() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(args[0]);
        String queue = args[1];
        int prefetch = Integer.parseInt(args[2]);
        Connection connection = factory.newConnection("bench baseline responder");
        Channel consumer = connection.createChannel();
        boolean quorum = args.length > 3 && args[3].equals("quorum");
        consumer.queueDeclare(queue, true, false, false, quorum ? Map.of("x-queue-type", "quorum") : Map.of());
        consumer.basicQos(prefetch);
        Channel publisher = connection.createChannel();
        publisher.confirmSelect();
        ExecutorService acker = Executors.newSingleThreadExecutor();
        ConcurrentNavigableMap<Long, Long> requestBySeqNo = new ConcurrentSkipListMap<>();
        publisher.addConfirmListener((seqNo, multiple) -> {
            ConcurrentNavigableMap<Long, Long> done = multiple ? requestBySeqNo.headMap(seqNo, true)
                    : requestBySeqNo.subMap(seqNo, true, seqNo, true);
            for (Long tag : done.values()) {
                acker.execute(() -> {
                    try {
                        consumer.basicAck(tag, false);
                    } catch (Exception ignored) {
                        // shutting down
                    }
                });
            }
            done.clear();
        }, (seqNo, multiple) -> { });
        DeliverCallback onRequest = (tag, delivery) -> {
            AMQP.BasicProperties reply = new AMQP.BasicProperties.Builder().deliveryMode(2)
                    .correlationId(delivery.getProperties().getCorrelationId()).build();
            synchronized (publisher) {
                requestBySeqNo.put(publisher.getNextPublishSeqNo(), delivery.getEnvelope().getDeliveryTag());
                publisher.basicPublish("", delivery.getProperties().getReplyTo(), reply, delivery.getBody());
            }
        };
        consumer.basicConsume(queue, false, onRequest, tag -> { });
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
