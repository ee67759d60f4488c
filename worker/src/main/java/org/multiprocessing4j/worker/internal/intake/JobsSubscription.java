package org.multiprocessing4j.worker.internal.intake;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.function.Consumer;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.worker.internal.job.Acker;
import org.multiprocessing4j.worker.internal.job.JobDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's subscription to one jobs queue (one named queue at one priority): a channel with
 * prefetch = concurrency, so the broker never gives this worker more jobs of that queue than it
 * can run at once; every delivery goes on to the slots.
 */
public final class JobsSubscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobsSubscription.class);

    private final String queue;
    private final Channel channel;
    private final Acker acker;
    private final Consumer<JobDelivery> pipeline;
    private final Runnable onCancelledByBroker;
    private final RedeliveryCounter redeliveries;
    private volatile boolean stopping;
    private String consumerTag;

    /**
     * @param pipeline            where each delivery goes
     * @param onCancelledByBroker called when the broker cancels the subscription (the jobs queue
     *                            was deleted) or closes its channel: the worker subscribes again
     * @param redeliveries        settles redelivered jobs of a classic jobs queue instead of the pipeline
     */
    public JobsSubscription(Connection connection, String queue, int concurrency, Consumer<JobDelivery> pipeline,
                            Runnable onCancelledByBroker, RedeliveryCounter redeliveries) throws IOException {
        this.queue = queue;
        this.redeliveries = redeliveries;
        this.pipeline = pipeline;
        this.onCancelledByBroker = onCancelledByBroker;
        this.channel = connection.createChannel();
        this.channel.basicQos(concurrency);
        this.acker = new Acker(channel, "mp4j-acker");
        this.channel.addShutdownListener(cause -> {
            // A channel error (consumer timeout, an ack the broker refused) closes only this channel, and
            // connection recovery does not reopen it: subscribe again, or the worker would sit idle.
            if (!cause.isHardError() && !cause.isInitiatedByApplication() && !stopping) {
                log.warn("the broker closed the jobs channel ({}); subscribing again", cause.getMessage());
                onCancelledByBroker.run();
            }
        });
    }

    public void start() throws IOException {
        consumerTag = channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                delivered(envelope.getDeliveryTag(), envelope.isRedeliver(), properties, body);
            }

            @Override
            public void handleCancel(String tag) {
                log.warn("the broker cancelled this worker's subscription to {} (was the queue deleted?)", queue);
                onCancelledByBroker.run();
            }
        });
    }

    private void delivered(long deliveryTag, boolean redelivered, AMQP.BasicProperties properties, byte[] body) {
        if (stopping) {
            // Arrived while we stop taking work: hand it straight back, untouched.
            acker.reject(deliveryTag, true, () -> { });
            return;
        }
        if (redeliveries.takes(redelivered)) {
            redeliveries.settle(queue, deliveryTag, properties, body, acker);
            return;
        }
        pipeline.accept(new JobDelivery(deliveryTag, properties, body, acker));
    }

    /** Stops taking new jobs; jobs in hand carry on and are acknowledged as they finish. */
    public void stopTakingWork() {
        stopping = true;
        if (consumerTag != null && channel.isOpen()) {
            try {
                channel.basicCancel(consumerTag);
            } catch (IOException | RuntimeException e) {
                log.debug("cancelling the jobs subscription: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        acker.close();
        Channels.closeQuietly(channel);
    }
}
