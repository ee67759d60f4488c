package org.multiprocessing4j.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The baseline's client: persistent requests with publisher confirms to a durable queue, replies
 * on a durable reply queue of its own (manual ack). Throughput mode keeps INFLIGHT calls going;
 * latency mode makes one call at a time.
 *
 * <p>Args: URI QUEUE MODE(throughput|latency) CALLS INFLIGHT PAYLOAD_BYTES WARMUP_CALLS
 */
public final class BaselineClient {
    private BaselineClient() {
    }

    public static void main(String[] args) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(args[0]);
        String queue = args[1];
        boolean latency = args[2].equals("latency");
        int calls = Integer.parseInt(args[3]);
        int inflight = Integer.parseInt(args[4]);
        byte[] payload = Payloads.text(Integer.parseInt(args[5])).getBytes();
        int warmup = Integer.parseInt(args[6]);

        try (Connection connection = factory.newConnection("bench baseline client")) {
            Channel publisher = connection.createChannel();
            publisher.confirmSelect();
            publisher.addConfirmListener((seq, multiple) -> { }, (seq, multiple) -> { });
            Channel replies = connection.createChannel();
            replies.basicQos(1000);
            String replyQueue = "bench.baseline.reply." + UUID.randomUUID();
            replies.queueDeclare(replyQueue, true, false, false, Map.of("x-expires", 600_000));
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Semaphore window = new Semaphore(inflight);
            LinkedBlockingQueue<Long> oneAtATime = new LinkedBlockingQueue<>();
            CountDownLatch[] done = {new CountDownLatch(1)};
            int[] received = {0};
            int[] expected = {0};
            replies.basicConsume(replyQueue, false, (tag, delivery) -> {
                long rtt = System.nanoTime() - sentAt.remove(delivery.getProperties().getCorrelationId());
                replies.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                if (latency) {
                    oneAtATime.offer(rtt);
                } else {
                    window.release();
                    if (++received[0] == expected[0]) {
                        done[0].countDown();
                    }
                }
            }, tag -> { });

            Histogram histogram = new Histogram(3_600_000_000L, 3);
            for (int phase = 0; phase < 2; phase++) {
                int n = phase == 0 ? warmup : calls;
                histogram.reset();
                received[0] = 0;
                expected[0] = n;
                done[0] = new CountDownLatch(n == 0 ? 0 : 1);
                long started = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (!latency) {
                        window.acquire();
                    }
                    String id = UUID.randomUUID().toString();
                    AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().deliveryMode(2).correlationId(id)
                            .replyTo(replyQueue).build();
                    sentAt.put(id, System.nanoTime());
                    synchronized (publisher) {
                        publisher.basicPublish("", queue, props, payload);
                    }
                    if (latency) {
                        histogram.recordValue(oneAtATime.poll(30, TimeUnit.SECONDS) / 1000);
                    }
                }
                if (!latency) {
                    done[0].await(5, TimeUnit.MINUTES);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (phase == 1) {
                    System.out.println(new Result("baseline-" + args[2], n, n / seconds,
                            latency ? histogram.getValueAtPercentile(50) / 1000.0 : 0,
                            latency ? histogram.getValueAtPercentile(99) / 1000.0 : 0,
                            Memory.peakRssMb(ProcessHandle.current().pid())).line());
                }
            }
            replies.queueDelete(replyQueue);
        }
    }
}
