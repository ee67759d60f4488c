package org.multiprocessing4j.worker.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's subscription to the jobs queue: a channel with prefetch = concurrency, so the
 * broker never gives this worker more jobs than it can run at once, and every delivery goes
 * straight to a task thread.
 */
final class JobsSubscription implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobsSubscription.class);

    private final WorkerRuntime runtime;
    private final Channel channel;
    private final Acker acker;
    private final Runnable onCancelledByBroker;
    private volatile boolean stopping;
    private String consumerTag;

    /**
     * @param onCancelledByBroker called when the broker cancels the subscription (the jobs queue
     *                            was deleted) or closes its channel: the worker subscribes again
     */
    JobsSubscription(WorkerRuntime runtime, int concurrency, Runnable onCancelledByBroker) throws IOException {
        this.runtime = runtime;
        this.onCancelledByBroker = onCancelledByBroker;
        this.channel = runtime.connection().createChannel();
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

    void start() throws IOException {
        consumerTag = channel.basicConsume(runtime.topology().jobsQueue(), false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                delivered(envelope.getDeliveryTag(), properties, body);
            }

            @Override
            public void handleCancel(String tag) {
                log.warn("the broker cancelled this worker's subscription to {} (was the queue deleted?)",
                        runtime.topology().jobsQueue());
                onCancelledByBroker.run();
            }
        });
    }

    private void delivered(long deliveryTag, AMQP.BasicProperties properties, byte[] body) {
        runtime.running().delivered();
        if (stopping) {
            // Arrived while we stop taking work: hand it straight back, untouched.
            acker.reject(deliveryTag, true, () -> runtime.running().released(false));
            return;
        }
        runtime.taskThreads().execute(new JobExecution(runtime, new JobDelivery(deliveryTag, properties, body, acker)));
    }

    /** Stops taking new jobs; jobs in hand carry on and are acknowledged as they finish. */
    void stopTakingWork() {
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
