package org.multiprocessing4j.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.multiprocessing4j.JobEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work of a page load once before the dashboard says it is serving, so that the first
 * page a user opens is not the one that pays for class loading and interpreted code: a freshly
 * started JVM took seconds for its first page with 10,000 jobs kept, later pages a fraction of that.
 * Two parts: folding, listing and serializing a full window of made-up jobs (kept apart from the real
 * ones, then dropped), and fetching the page's files and JSON reads from the server itself. A
 * failure here is only logged: warming up is an optimization, never a reason not to serve.
 */
final class WarmUp {
    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    /** The page's own requests on load (the stream aside: its state is the same snapshot as /api/state). */
    private static final List<String> PAGE = List.of("/", "/style.css", "/chart.js", "/app.js", "/api/state",
            "/api/jobs?limit=100", "/api/jobs?limit=100&q=w1", "/api/health");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private WarmUp() {
    }

    /** Runs both parts; {@code host} is how this process reaches its own server (a literal address). */
    static void run(String host, int port, int window) {
        long start = System.nanoTime();
        try {
            // capped: the page's work hardly grows with the window, and a million made-up jobs would cost seconds
            jobsAndSnapshot(Math.min(window, RecentJobs.DEFAULT_CAPACITY));
            requests(host, port);
            log.debug("warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("warm-up skipped ({}): the first page may be slower", e.toString());
        }
    }

    /** A scratch window of {@code window} ended jobs plus a few running, listed and serialized as a snapshot is. */
    static String jobsAndSnapshot(int window) throws JsonProcessingException {
        RecentJobs jobs = new RecentJobs(window);
        long now = System.currentTimeMillis();
        for (int i = 0; i < window; i++) {
            String id = "warm-up-" + i;
            jobs.apply(event("submitted", id, now, null));
            jobs.apply(event("started", id, now, null));
            if (i < window - DashboardState.RUNNING_SHOWN) {
                jobs.apply(event("finished", id, now, "ok"));
            }
        }
        Rates rates = new Rates();
        rates.ended(now, false, now);
        Snapshot snapshot = new Snapshot(now, new Snapshot.Broker("amqp://warm-up", "warm-up"),
                List.of(new Snapshot.Worker("w1", "host", 1, 1, 4, 1, now, List.of("default"))),
                new Snapshot.Queues(List.of(new Snapshot.NamedQueue("default", 0)), 0, 0, List.of()),
                rates.series(now), jobs.running(DashboardState.RUNNING_SHOWN), jobs.recent(DashboardState.RECENT_SHOWN, null),
                jobs.size(), jobs.capacity(), null);
        ObjectMapper json = new ObjectMapper();
        json.writeValueAsString(jobs.search(DashboardServer.MAX_LIST, "w1"));
        return json.writeValueAsString(snapshot);
    }

    private static JobEvent event(String type, String id, long at, String outcome) {
        return new JobEvent(type, id, "warm-up", Instant.ofEpochMilli(at), "w1", "host", 1L, 1, null, outcome, null,
                "finished".equals(type) ? 1L : null, null, "submitted".equals(type) ? "[1]" : null);
    }

    private static void requests(String host, int port) throws Exception {
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        for (String path : PAGE) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }
}
