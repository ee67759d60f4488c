package org.multiprocessing4j.internal.joinable;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.Channels;
import org.multiprocessing4j.internal.shared.SharedContext;

/**
 * One {@code join()}: subscribes to the queue's wake-ups first, then reads the unfinished count,
 * and reads it again only when woken (by the taskDone that took the last token, or by the link
 * coming back, since a wake-up sent while it was down is lost). Nothing polls.
 */
final class JoinWaiter {
    private final SharedContext context;
    private final JoinableNames names;

    JoinWaiter(SharedContext context, JoinableNames names) {
        this.context = context;
        this.names = names;
    }

    /** @param timeout null: as long as it takes; @return true once nothing is unfinished */
    boolean await(Duration timeout, IntSupplier unfinished) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Semaphore woken = new Semaphore(0);
        Channel channel = null;
        try {
            channel = context.connection().createChannel();
            names.declareExchange(channel);
            String inbox = channel.queueDeclare().getQueue(); // exclusive, auto-delete: gone with this join
            channel.queueBind(inbox, names.doneExchange(), names.doneKey());
            channel.basicConsume(inbox, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                    woken.release();
                }
            });
            if (channel instanceof Recoverable recoverable) {
                recoverable.addRecoveryListener(new RecoveryListener() {
                    @Override
                    public void handleRecovery(Recoverable r) {
                        woken.release();
                    }

                    @Override
                    public void handleRecoveryStarted(Recoverable r) {
                    }
                });
            }
            while (unfinished.getAsInt() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !woken.tryAcquire(Math.min(left, Long.MAX_VALUE / 2), TimeUnit.NANOSECONDS)) {
                    return false;
                }
                woken.drainPermits();
            }
            return true;
        } catch (IOException | AlreadyClosedException e) {
            throw new ConnectionLostException("could not join queue '" + names.name() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while joining queue '" + names.name() + "'", e);
        } finally {
            Channels.closeQuietly(channel);
        }
    }
}
