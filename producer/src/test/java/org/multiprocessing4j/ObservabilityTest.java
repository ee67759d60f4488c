package org.multiprocessing4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.support.Cluster;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.Ports;
import org.multiprocessing4j.testkit.TestBroker;

/** What a worker tells about its jobs: Prometheus metrics that add up, history, progress. */
@BrokerTest
class ObservabilityTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} ([0-9.eE+-]+)$");
    private static Cluster cluster;
    private static Multiprocessing mp;
    private static int metricsPort;

    @BeforeAll
    static void start(TestBroker broker) {
        metricsPort = Ports.free();
        cluster = new Cluster(broker);
        cluster.startOne("observed", 4, List.of("--metrics-port", String.valueOf(metricsPort)));
        mp = cluster.connect();
    }

    @AfterAll
    static void stop() {
        mp.close();
        cluster.close();
    }

    @Test
    void aHundredTasksShowUpInTheMetricsAndTheyAddUp() throws Exception {
        Pool pool = mp.pool(4);
        List<AsyncResult<Object>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(i % 10 == 9 ? pool.applyAsync(Call.of("fail", "metrics " + i)) : pool.applyAsync(Call.of("square", i)));
        }
        int failed = 0;
        for (AsyncResult<Object> result : results) {
            try {
                result.get(WAIT);
            } catch (RemoteTaskException e) {
                failed++;
            }
        }
        assertEquals(10, failed);
        Thread.sleep(500); // a scrape right after the last ack may not see it yet: the counters move after the result is out
        String text = scrape();
        Map<String, Double> finished = samples(text, "mp4j_tasks_finished_total");
        Map<String, Double> durations = samples(text, "mp4j_task_duration_seconds_count");
        System.out.println("metrics after 100 tasks: finished " + finished + ", duration histogram counts " + durations);
        assertEquals(90.0, finished.get("outcome=\"ok\",task=\"square\""));
        assertEquals(10.0, finished.get("outcome=\"error\",task=\"fail\""));
        assertEquals(100.0, durations.entrySet().stream().filter(e -> !e.getKey().contains("progressing"))
                .mapToDouble(Map.Entry::getValue).sum(), "the histogram counts every finished task of this test");
        double lastBucket = samples(text, "mp4j_task_duration_seconds_bucket").entrySet().stream()
                .filter(e -> e.getKey().contains("task=\"square\"") && e.getKey().contains("le=\"+Inf\""))
                .mapToDouble(Map.Entry::getValue).sum();
        assertEquals(90.0, lastBucket, "the +Inf bucket of a histogram counts every observation");
        assertEquals(100.0, samples(text, "mp4j_tasks_started_total").entrySet().stream()
                .filter(e -> !e.getKey().contains("progressing")).mapToDouble(Map.Entry::getValue).sum());
        assertTrue(text.contains("mp4j_worker_concurrency 4.0"), "concurrency gauge");
        assertTrue(text.contains("jvm_memory_used_bytes"), "JVM metrics too");
        assertTrue(!text.contains("job="), "no job id ever becomes a label");
    }

    @Test
    void aTaskReportsItsProgressToItsCallerAndItsHistoryKeepsEveryLine() throws Exception {
        AsyncResult<Object> result = mp.pool(1).applyAsync(Call.of("progressing", 6, 0.3));
        Progress seen = null;
        while (!result.ready()) {
            Progress now = result.progress().orElse(null);
            if (now != null && now.done() < now.total()) {
                seen = now;
            }
            Thread.sleep(50);
        }
        assertEquals(6L, ((Number) result.get(WAIT)).longValue());
        assertTrue(seen != null && seen.total() == 6 && seen.done() >= 1, "progress seen while it ran: " + seen);
        assertEquals(new Progress(1, 1).fraction(), result.progress().orElseThrow().fraction(), 0.0);
    }

    private static String scrape() throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + metricsPort + "/metrics").openConnection();
        assertEquals(200, http.getResponseCode());
        try (InputStream in = http.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** name{labels} value lines of one metric, keyed by their labels. */
    private static Map<String, Double> samples(String text, String name) {
        Map<String, Double> values = new TreeMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                values.put(m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        return values;
    }
}
