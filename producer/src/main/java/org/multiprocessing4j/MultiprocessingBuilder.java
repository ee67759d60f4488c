package org.multiprocessing4j;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.multiprocessing4j.connection.BrokerSettings;
import org.multiprocessing4j.internal.amqp.Topology;
import org.multiprocessing4j.internal.client.ClientCore;

/**
 * Options of a {@link Multiprocessing} client, with defaults; {@link #connect()} validates and connects.
 *
 * <pre>{@code
 * Multiprocessing mp = Multiprocessing.builder()
 *         .settings(BrokerSettings.fromEnvironment().withNamespace("reports"))
 *         .output(line -> log.info("[{}] {}", line.worker(), line.text()))
 *         .connect();
 * }</pre>
 */
public final class MultiprocessingBuilder {
    private BrokerSettings settings;
    private OutputSink output = OutputSink.printTo(System.out);
    private Consumer<String> errorOutput = System.err::println;
    private Duration replyQueueExpiry = Topology.REPLY_QUEUE_EXPIRES;
    private boolean events = true;
    private String eventsRetention = "1D";

    MultiprocessingBuilder() {
    }

    /** Where the broker is; default {@link BrokerSettings#fromEnvironment()}. */
    public MultiprocessingBuilder settings(BrokerSettings settings) {
        this.settings = settings;
        return this;
    }

    /** Where lines printed by tasks go; default: this process's System.out. */
    public MultiprocessingBuilder output(OutputSink output) {
        this.output = Objects.requireNonNull(output, "output");
        return this;
    }

    /** Where a failed process's traceback is reported; default: System.err. */
    public MultiprocessingBuilder errorOutput(Consumer<String> errorOutput) {
        this.errorOutput = Objects.requireNonNull(errorOutput, "errorOutput");
        return this;
    }

    /**
     * How long this producer's reply queue outlives the producer if it dies without closing
     * (results for it then wait that long, and are dropped with the queue); default 1 h.
     */
    public MultiprocessingBuilder replyQueueExpiry(Duration expiry) {
        if (expiry == null || expiry.toMillis() < 1000) {
            throw new IllegalArgumentException("replyQueueExpiry must be at least 1 s, got " + expiry);
        }
        this.replyQueueExpiry = expiry;
        return this;
    }

    /**
     * Record each job submitted in the events stream (history, {@code producer logs}, the dashboard);
     * default on. {@code retention} applies only if this client creates the stream (1D, 12h, 7D...).
     */
    public MultiprocessingBuilder events(boolean on, String retention) {
        this.events = on;
        this.eventsRetention = Objects.requireNonNull(retention, "retention");
        return this;
    }

    public Multiprocessing connect() {
        BrokerSettings effective = settings != null ? settings : BrokerSettings.fromEnvironment();
        OutputSink sink = output;
        ClientCore core = ClientCore.connect(effective, (job, line) -> sink.line(OutputLine.of(job, line)), replyQueueExpiry);
        if (events) {
            try {
                core.recordEvents(eventsRetention);
            } catch (RuntimeException e) {
                core.close();
                throw e;
            }
        }
        return new Multiprocessing(core, sink, errorOutput);
    }
}
