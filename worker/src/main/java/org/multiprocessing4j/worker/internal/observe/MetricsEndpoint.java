package org.multiprocessing4j.worker.internal.observe;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} in Prometheus's text format, on the JDK's own small HTTP server: the job
 * metrics of {@link MetricsObserver}, the worker's load (jobs in hand, running, waiting for a slot,
 * concurrency) and the JVM's.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private JvmGcMetrics gc;

    /** The worker's load, read at each scrape. */
    public record Load(Supplier<Number> inHand, Supplier<Number> running, Supplier<Number> waitingForSlot,
                       Supplier<Number> eventsDropped, int concurrency) {
    }

    public MetricsEndpoint(String bindAddress, int port, Load load) throws IOException {
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("mp4j.jobs.in.hand", load.inHand()).description("Jobs delivered and not yet settled")
                .register(registry);
        Gauge.builder("mp4j.tasks.running", load.running()).description("Tasks running now").register(registry);
        Gauge.builder("mp4j.jobs.waiting.for.slot", load.waitingForSlot())
                .description("Jobs in hand waiting for a free slot (a more urgent one goes first)").register(registry);
        Gauge.builder("mp4j.worker.concurrency", () -> load.concurrency()).description("Slots: tasks run at once")
                .register(registry);
        Gauge.builder("mp4j.events.dropped", load.eventsDropped())
                .description("History events not kept (link down or buffer full)").register(registry);
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }
}
