package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;

/**
 * Figures for issue 13 (printed, not asserted on time: this machine is shared): how fast the page
 * loads in headless Chromium with 10,000 jobs in the history, and the dashboard process's memory
 * after 10,000 jobs and after more ({@link #LATER_POINTS}), its window of recent jobs being 10,000. The bound itself is
 * asserted: the jobs kept never pass the window. The first load is the first page this dashboard
 * process ever serves; the browser has already shown a blank page, so its own start is not counted.
 */
@BrokerTest
class DashboardFiguresIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Jobs run after the first 10,000, where memory is read again: 20,000 in mvn verify (twice the window:
     * every job of the first window has been replaced, so the bound is shown; the README's 50,000 and 100,000
     * figures took 3.7 minutes, too long for CI), {@code -Dmp4j.dashboard.points=50000,100000} for more.
     */
    private static final List<Integer> LATER_POINTS = java.util.Arrays.stream(
            System.getProperty("mp4j.dashboard.points", "20000").split(",")).map(String::trim).map(Integer::valueOf).toList();

    @Test
    @Timeout(value = 14, unit = java.util.concurrent.TimeUnit.MINUTES)
    void thePageLoadsFastWithTenThousandJobsAndMemoryStaysBounded(TestBroker broker) throws Exception {
        try (ShippedWorkers workers = new ShippedWorkers(broker)) {
            for (int i = 1; i <= 3; i++) {
                workers.start("fig-w" + i, 4);
            }
            try (ShippedDashboard dashboard = ShippedDashboard.start(broker);
                 Multiprocessing mp = workers.connect(OutputSink.discard());
                 HeadlessChromium browser = HeadlessChromium.start()) {
                // Chromium's own first navigation (processes, caches) is the browser's start, not the page's load.
                browser.driver().get("about:blank");
                Pool pool = mp.pool();
                run(pool, 10_000);
                JsonNode at10k = awaitKept(dashboard, 10_000, 10_000);
                String load = loadPage(browser, dashboard);
                browser.screenshot("dashboard-10000-jobs");
                JsonNode after10k = memory(dashboard);
                StringBuilder figures = new StringBuilder("after 10,000 jobs: " + memoryFigure(after10k) + ", kept "
                        + at10k.path("jobsKept").asInt());
                int done = 10_000;
                for (int point : LATER_POINTS) {
                    run(pool, point - done);
                    done = point;
                    JsonNode at = awaitKept(dashboard, 10_000, point);
                    figures.append(String.format("; after %,d: %s, kept %d", point, memoryFigure(memory(dashboard)),
                            at.path("jobsKept").asInt()));
                    assertEquals(10_000, at.path("jobsKept").asInt(), "the window bounds the jobs kept");
                }
                System.out.printf("dashboard figures: %s%n", load);
                System.out.printf("dashboard memory (heap after a full GC, RSS) %s (window 10,000)%n", figures);
            }
        }
    }

    private static void run(Pool pool, int jobs) {
        long start = System.nanoTime();
        List<Object> results = pool.map("noop", IntStream.range(0, jobs).boxed().toList(), 1);
        assertEquals(jobs, results.size());
        System.out.printf("dashboard figures: %,d jobs ran in %.1f s%n", jobs, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until the dashboard has read at least {@code events} jobs' ends, with {@code kept} kept. */
    private static JsonNode awaitKept(ShippedDashboard dashboard, int kept, int jobs) throws Exception {
        JsonNode health = null;
        for (int i = 0; i < 600; i++) {
            health = JSON.readTree(dashboard.get("/api/health").body());
            // each job makes at least 3 events: submitted, started, finished
            if (health.path("jobsKept").asInt() == kept && health.path("eventsRead").asLong() >= 3L * jobs) {
                return health;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the dashboard did not read " + jobs + " jobs: " + health);
    }

    /**
     * Opens the page three times and reports when its first state was drawn (ms from navigation
     * start): the first is this dashboard's first page ever, the others later loads.
     */
    private static String loadPage(HeadlessChromium browser, ShippedDashboard dashboard) {
        StringBuilder report = new StringBuilder("page load with 10,000 jobs in the history:");
        for (int i = 0; i < 3; i++) {
            browser.driver().get(dashboard.base() + "/?run=" + i);
            report.append(i == 0 ? " first page of this dashboard process:" : i == 1 ? " later loads:" : "");
            Number firstState = browser.await(Duration.ofSeconds(30), "the first state drawn",
                    d -> (Number) browser.script("return window.mp4jFirstState"));
            Number domReady = (Number) browser.script("const n = performance.getEntriesByType('navigation')[0]; "
                    + "return n.domContentLoadedEventEnd");
            report.append(String.format(" run %d: DOM ready %.0f ms, first state drawn %.0f ms;", i + 1,
                    domReady.doubleValue(), firstState.doubleValue()));
            assertTrue(firstState.doubleValue() > 0);
        }
        return report.toString();
    }

    /**
     * The dashboard's memory after a full GC (jcmd), as it reports it; the largest classes on its
     * heap are printed too, so a growth can be told apart from the jobs window.
     */
    private static JsonNode memory(ShippedDashboard dashboard) throws Exception {
        String pid = String.valueOf(dashboard.process().pid());
        ChildProcess.Finished gc = ChildProcess.run(List.of("jcmd", pid, "GC.run"), Map.of(), Duration.ofSeconds(30));
        assertEquals(0, gc.exit(), gc.text());
        JsonNode health = JSON.readTree(dashboard.get("/api/health").body());
        ChildProcess.Finished histogram = ChildProcess.run(List.of("jcmd", pid, "GC.class_histogram"), Map.of(),
                Duration.ofSeconds(30));
        System.out.printf("dashboard heap's largest classes at %s jobs kept:%n%s%n", health.path("jobsKept").asText(),
                histogram.text().lines().limit(14).collect(java.util.stream.Collectors.joining("\n")));
        return health;
    }

    private static String memoryFigure(JsonNode health) {
        return "heap " + mib(health, "heapUsedBytes") + " MiB, RSS " + mib(health, "residentBytes") + " MiB";
    }

    private static String mib(JsonNode health, String field) {
        return String.format("%.1f", health.path(field).asLong() / 1048576.0);
    }
}
