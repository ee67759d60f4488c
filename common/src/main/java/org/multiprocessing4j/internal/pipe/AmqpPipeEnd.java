package org.multiprocessing4j.internal.pipe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.multiprocessing4j.errors.BrokenPipeException;
import org.multiprocessing4j.errors.ClosedException;
import org.multiprocessing4j.errors.ConnectionLostException;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.errors.EofException;
import org.multiprocessing4j.errors.MpException;
import org.multiprocessing4j.internal.amqp.ConfirmingPublisher;
import org.multiprocessing4j.internal.amqp.Outgoing;
import org.multiprocessing4j.internal.amqp.PublishRejectedException;
import org.multiprocessing4j.internal.shared.SharedContext;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.wire.Envelopes;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.pipe.Connection;

/**
 * A {@link Connection}: sends to the other end's inbox with publisher confirms (a message the
 * broker confirmed is stored), reads its own inbox through a {@link PipeReader}.
 */
public final class AmqpPipeEnd implements Connection, SharedHandle {
    /** A send whose link died before its confirm is tried again for about 30 s (as a worker's result is). */
    private static final int SEND_ATTEMPTS = 30;
    private static final Duration SEND_RETRY_DELAY = Duration.ofSeconds(1);
    private final SharedContext context;
    private final PipeEndRef ref;
    private final PipeReader reader;
    private final Object sendLock = new Object();
    private ConfirmingPublisher publisher; // guarded by sendLock; opened on first send
    private volatile boolean closed;
    private volatile boolean endSeen;
    private volatile boolean handedOver; // written into a message: a process or task elsewhere has a copy

    AmqpPipeEnd(SharedContext context, PipeEndRef ref) {
        this.context = context;
        this.ref = ref;
        this.reader = ref.readable() ? new PipeReader(context, ref.ownInbox(), describe(ref)) : null;
    }

    private static String describe(PipeEndRef ref) {
        return "pipe end " + ref.end() + " of pipe " + ref.id();
    }

    @Override
    public void send(Object value) {
        ensureOpen();
        if (!ref.writable()) {
            throw new MpException("connection is read-only (the receiving end of Pipe(false))");
        }
        publish(ValueCodec.encodeValue(value));
    }

    private void publish(byte[] body) {
        synchronized (sendLock) {
            if (publisher == null) {
                publisher = new ConfirmingPublisher(context.connection(), context.maxMessageSize());
            }
            // One message id for every attempt: the reading end reads a send made twice once (SeenIds).
            Outgoing message = Outgoing.toQueue(context.topology().userQueue(ref.peerInbox()), Envelopes.queueItem(), body);
            for (int attempt = 1; ; attempt++) {
                try {
                    publisher.publish(message).get();
                    return;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PublishRejectedException rejected && rejected.unroutable()) {
                        throw new BrokenPipeException("the other end of pipe " + ref.id() + " is gone (the pipe was deleted)");
                    }
                    // The link died before the broker confirmed (a send just as a cut link comes back): send it
                    // again once the client has reconnected, as a worker does with a result; if the broker had
                    // stored it before the link died, the reading end drops the second copy by its id.
                    if (!(e.getCause() instanceof ConnectionLostException) || attempt >= SEND_ATTEMPTS || closed) {
                        throw e.getCause() instanceof MpException mp ? mp : new MpException(String.valueOf(e.getCause()),
                                e.getCause());
                    }
                    pause(SEND_RETRY_DELAY);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MpException("interrupted while sending on " + describe(ref), e);
                }
            }
        }
    }

    private void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MpException("interrupted while sending on " + describe(ref), e);
        }
    }

    @Override
    public Object recv() {
        ensureReadable();
        if (endSeen) {
            throw eof();
        }
        byte[] body = reader.next();
        if (body == null) {
            endSeen = true;
            throw eof();
        }
        try {
            return ValueCodec.toJava(ValueCodec.parse(body), context.opener());
        } catch (EncodingException notJson) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @Override
    public boolean poll() {
        return poll(Duration.ZERO);
    }

    @Override
    public boolean poll(Duration timeout) {
        ensureReadable();
        if (timeout != null && timeout.isNegative()) {
            timeout = Duration.ZERO; // Python treats a negative timeout as 0
        }
        return endSeen || reader.poll(timeout);
    }

    @Override
    public boolean readable() {
        return ref.readable();
    }

    @Override
    public boolean writable() {
        return ref.writable();
    }

    @Override
    public boolean closed() {
        return closed;
    }

    /**
     * Python's close: tells the other end EOF (after what was sent), then lets go. An end that was
     * handed to a process or task is only let go here, as Python's parent closes its copy after
     * starting the child: the copy that went on says EOF when it is closed.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (ref.writable() && !handedOver) {
            try {
                publish(PipeReader.EOF);
            } catch (BrokenPipeException gone) {
                // nobody left to tell
            }
        }
        release();
    }

    /** Lets go of channels without telling the other end anything: a task that ends holding this end. */
    private void release() {
        closed = true;
        if (reader != null) {
            reader.release();
        }
        synchronized (sendLock) {
            if (publisher != null) {
                publisher.close();
            }
        }
    }

    void scopeReleaseQuietly() {
        release();
    }

    @Override
    public AutoCloseable scopeRelease() {
        return this::release;
    }

    @Override
    public String sharedKind() {
        return PipeKind.NAME;
    }

    @Override
    public ObjectNode sharedRef() {
        handedOver = true;
        return ref.toJson();
    }

    private void ensureOpen() {
        if (closed) {
            throw new ClosedException("handle is closed (" + describe(ref) + ")");
        }
    }

    private void ensureReadable() {
        ensureOpen();
        if (!ref.readable()) {
            throw new MpException("connection is write-only (the sending end of Pipe(false))");
        }
    }

    private EofException eof() {
        return new EofException("the other end of pipe " + ref.id() + " was closed");
    }

    @Override
    public String toString() {
        return "Connection[" + ref.id() + " end " + ref.end() + (ref.duplex() ? "" : ref.readable() ? ", recv only" : ", send only") + "]";
    }
}
