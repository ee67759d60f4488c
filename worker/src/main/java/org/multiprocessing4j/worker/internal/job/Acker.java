package org.multiprocessing4j.worker.internal.job;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges deliveries of one consuming channel from one thread of its own: task threads and
 * confirm callbacks hand their acks here instead of touching the channel themselves.
 *
 * <p>An ack that cannot reach the broker is dropped on purpose: the broker then delivers the job
 * again, and the producer drops the duplicate result.
 */
public final class Acker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Acker.class);
    private final Channel channel;
    private final ExecutorService thread;

    public Acker(Channel channel, String name) {
        this.channel = channel;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    public void ack(long deliveryTag, Runnable then) {
        run(() -> channel.basicAck(deliveryTag, false), "ack", then);
    }

    /** requeue=false dead-letters the job (undecodable, unknown task); true hands it to another worker. */
    public void reject(long deliveryTag, boolean requeue, Runnable then) {
        run(() -> channel.basicReject(deliveryTag, requeue), requeue ? "requeue" : "dead-letter", then);
    }

    private interface ChannelCall {
        void call() throws IOException;
    }

    private void run(ChannelCall call, String what, Runnable then) {
        thread.execute(() -> {
            try {
                call.call();
            } catch (IOException | AlreadyClosedException e) {
                log.debug("could not {} a job (the broker will redeliver it): {}", what, e.toString());
            } finally {
                then.run();
            }
        });
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
