package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.Ports;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * The real Prometheus server (Debian's, which scripts/check-deploy installs) scrapes a shipped worker
 * and evaluates the alert rules compose gives it: our exposition is what Prometheus reads, and the
 * rules' queries are valid against it.
 */
@BrokerTest
class PrometheusScrapeIT {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prometheusScrapesAWorkerAndItsAlertRulesEvaluate(TestBroker broker, @TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(PROMETHEUS), "Prometheus is missing: scripts/check-deploy installs it "
                + "(or: apt-get install prometheus)");
        int metricsPort = Ports.free();
        int prometheusPort = Ports.free();
        Files.copy(Shipped.ROOT.resolve("deploy/prometheus-alerts.yml"), dir.resolve("alerts.yml"));
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: [%s]
                scrape_configs:
                  - job_name: mp4j-workers
                    static_configs: [{targets: ["127.0.0.1:%d"]}]
                """.formatted(dir.resolve("alerts.yml"), metricsPort));
        try (ShippedWorkers workers = new ShippedWorkers(broker)) {
            workers.start("scraped", 2, "--metrics-port", String.valueOf(metricsPort));
            ChildProcess prometheus = ChildProcess.launch("prometheus", List.of(PROMETHEUS.toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + prometheusPort), Map.of());
            try (Multiprocessing mp = workers.connect(OutputSink.discard())) {
                Pool pool = mp.pool(2);
                for (int i = 0; i < 20; i++) {
                    pool.apply(Call.of("square", i));
                }
                String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
                double finished = awaitValue(api, "sum(mp4j_tasks_finished_total{task=\"square\",outcome=\"ok\"})", 20);
                double up = awaitValue(api, "up{job=\"mp4j-workers\"}", 1);
                JsonNode groups = get(api + "rules").path("data").path("groups");
                int rules = 0;
                for (JsonNode group : groups) {
                    for (JsonNode rule : group.path("rules")) {
                        assertEquals("ok", rule.path("health").asText(), "rule " + rule.path("name") + ": " + rule);
                        rules++;
                    }
                }
                System.out.printf("Prometheus %s scraped the worker: up %.0f, square ok %.0f; %d alert rules evaluate%n",
                        PROMETHEUS, up, finished, rules);
                assertEquals(5, rules, "every rule of deploy/prometheus-alerts.yml loaded");
            } finally {
                prometheus.kill9();
            }
        }
    }

    /** Polls an instant query until its single value is {@code expected} (30 s at most); returns it. */
    private static double awaitValue(String api, String query, double expected) throws Exception {
        double value = Double.NaN;
        for (int i = 0; i < 150; i++) {
            try {
                JsonNode result = get(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                        .path("data").path("result");
                if (result.size() == 1) {
                    value = result.get(0).path("value").get(1).asDouble();
                    if (value == expected) {
                        return value;
                    }
                }
            } catch (IOException notYetUp) {
                // Prometheus is starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(query + " never reached " + expected + " (last: " + value + ")");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
