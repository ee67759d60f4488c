package org.multiprocessing4j.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The baseline's client: persistent requests with publisher confirms to a durable queue, replies
 * on a durable reply queue of its own (manual ack). Throughput rounds keep INFLIGHT calls going;
 * latency rounds make one call at a time. One round per command ({@link ClientLoop}).
 *
 * <p>Args: URI QUEUE INFLIGHT [quorum]: with {@code quorum} the reply queue is a quorum queue too, as
 * this project's reply queues are, so both legs of a call are replicated writes (the same guarantees).
 */
public final class BaselineClient {
    private final Channel publisher;
    private final String queue;
    private final String replyQueue = "bench.baseline.reply." + UUID.randomUUID();
    private final Semaphore window;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Long> oneAtATime = new LinkedBlockingQueue<>();
    // Set before a round's first publish, read by the consumer thread for that round's replies.
    private volatile boolean latency;
    private volatile CountDownLatch remaining = new CountDownLatch(0);

    private BaselineClient(Connection connection, String queue, int inflight, boolean quorumReplies) throws Exception {
        this.queue = queue;
        this.window = new Semaphore(inflight);
        publisher = connection.createChannel();
        publisher.confirmSelect();
        publisher.addConfirmListener((seq, multiple) -> { }, (seq, multiple) -> { });
        Channel replies = connection.createChannel();
        replies.basicQos(1000);
        replies.queueDeclare(replyQueue, true, false, false, quorumReplies
                ? Map.of("x-expires", 600_000, "x-queue-type", "quorum") : Map.of("x-expires", 600_000));
        replies.basicConsume(replyQueue, false, (tag, delivery) -> {
            long rtt = System.nanoTime() - sentAt.remove(delivery.getProperties().getCorrelationId());
            replies.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            if (latency) {
                oneAtATime.offer(rtt);
            } else {
                window.release();
                remaining.countDown();
            }
        }, tag -> { });
    }

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(args[0]);
        try (Connection connection = factory.newConnection("bench baseline client")) {
            BaselineClient client = new BaselineClient(connection, args[1], Integer.parseInt(args[2]),
                    args.length > 3 && args[3].equals("quorum"));
            ClientLoop.serve(client::round);
            client.publisher.queueDelete(client.replyQueue);
        }
    }

    private Result round(String mode, int calls, int bytes) throws Exception {
        boolean latencyMode = mode.equals(ClientSession.LATENCY);
        byte[] payload = Payloads.text(bytes).getBytes();
        latency = latencyMode;
        remaining = new CountDownLatch(latencyMode ? 0 : calls);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            if (!latencyMode) {
                window.acquire();
            }
            String id = UUID.randomUUID().toString();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().deliveryMode(2).correlationId(id)
                    .replyTo(replyQueue).build();
            sentAt.put(id, System.nanoTime());
            publisher.basicPublish("", queue, props, payload);
            if (latencyMode) {
                Long rtt = oneAtATime.poll(30, TimeUnit.SECONDS);
                if (rtt == null) {
                    throw new IllegalStateException("no reply within 30 s");
                }
                histogram.recordValue(rtt / 1000);
            }
        }
        if (!remaining.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(remaining.getCount() + " replies missing after 5 minutes");
        }
        return Result.measured(latencyMode ? "baseline-latency" : "baseline-throughput", calls, started, histogram);
    }
}
