package org.multiprocessing4j.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.RemoteProcess;
import org.multiprocessing4j.testkit.BrokerTest;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.TestBroker;
import org.openqa.selenium.By;

/**
 * The shipped dashboard in a real headless Chromium, with 3 shipped workers and a pool running: the
 * page shows the workers, the rate rising, a job's output arriving live, and a terminate click
 * stopping a running process. Screenshots go to system-tests/target/screenshots. Also its guards:
 * bad flags, the token for actions, the loopback bind, no broker credentials in any response.
 */
@BrokerTest
class DashboardIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static ShippedWorkers workers;
    private static ShippedDashboard dashboard;
    private static HeadlessChromium browser;
    private static Multiprocessing mp;
    private static TestBroker testBroker;
    private static final List<String> printed = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start(TestBroker broker) {
        testBroker = broker;
        workers = new ShippedWorkers(broker);
        for (int i = 1; i <= 3; i++) {
            workers.start("dash-w" + i, 2);
        }
        dashboard = ShippedDashboard.start(broker);
        mp = workers.connect(line -> printed.add(line.text()));
        browser = HeadlessChromium.start(); // once for the class: Chromium takes seconds to start
        browser.driver().get(dashboard.base() + "/#token=" + ShippedDashboard.TOKEN);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (mp != null) {
            mp.close(Duration.ZERO);
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (workers != null) {
            workers.close();
        }
    }

    @Test
    void thePageShowsTheThreeWorkersAndTheRateRisesWhileAPoolRuns() throws Exception {
        // Read in one script: the tables are redrawn every second, so element handles go stale.
        List<String> names = browser.await(WAIT, "three workers on the page", d -> {
            @SuppressWarnings("unchecked")
            List<String> shown = (List<String>) browser.script("return [...document.querySelectorAll("
                    + "'#workers tbody tr[data-worker]')].map(r => r.dataset.worker).sort()");
            return shown.size() == 3 ? shown : null;
        });
        assertEquals(List.of("dash-w1", "dash-w2", "dash-w3"), names);
        double before = rateShown();
        Pool pool = mp.pool(6);
        CompletableFuture<List<Object>> running = CompletableFuture.supplyAsync(() ->
                pool.map("sleep", IntStream.range(0, 400).mapToObj(i -> 0.02).toList(), 1));
        double during = browser.await(WAIT, "the rate rising above " + before, d -> {
            double now = rateShown();
            return now > before ? now : null;
        });
        String busy = browser.driver().findElement(By.id("worker-count")).getText();
        browser.screenshot("dashboard-workers-and-rate");
        running.get();
        System.out.printf("dashboard: 3 workers shown (%s); tasks/s shown %.1f before the pool, %.1f while it ran%n",
                busy, before, during);
        assertTrue(during > before, "the rate rose");
    }

    @Test
    void aJobsOutputAppearsLiveOnAClick() throws Exception {
        RemoteProcess clock = mp.process("clock", 2.0); // prints the time 5 times, 2 s apart
        clock.start();
        clickRunning(clock, "");
        String first = browser.await(WAIT, "the first line of " + clock.jobId(), d -> lines().size() >= 1 ? lines().get(0) : null);
        long firstSeen = System.nanoTime();
        int seen = browser.await(WAIT, "a second line arriving while the page is open", d -> lines().size() >= 2 ? lines().size() : null);
        double secondAfter = (System.nanoTime() - firstSeen) / 1e9;
        String status = browser.driver().findElement(By.id("output-status")).getText();
        browser.screenshot("dashboard-job-output");
        clock.join(30);
        String where = browser.await(WAIT, "the outcome", d -> {
            String s = d.findElement(By.id("output-status")).getText();
            return s.startsWith("finished") ? s : null;
        });
        System.out.printf("dashboard: output of %s: first line '%s', line %d arrived %.1f s later, live; status '%s' then '%s'%n",
                clock.jobId(), first, seen, secondAfter, status, where);
        assertTrue(first.startsWith("当前时间为"), first);
        assertTrue(status.contains(":" + clock.pid() + ")"), "the line came from the worker that ran it: " + status);
        assertNotEquals(ProcessHandle.current().pid(), clock.pid(), "printed by a worker, not by this JVM");
        assertTrue(workers.pids().contains(clock.pid()), "a shipped worker's pid: " + clock.pid());
        assertEquals(5, lines().size(), "all 5 lines, in order, once");
    }

    @Test
    void aTerminateClickStopsARunningProcess() throws Exception {
        RemoteProcess clock = mp.process("clock", 5.0); // 25 s if nobody stops it
        clock.start();
        awaitRunning(clock);
        long clicked = System.nanoTime();
        clickRunning(clock, " button.terminate");
        clock.join(20);
        double stoppedAfter = (System.nanoTime() - clicked) / 1e9;
        assertFalse(clock.isAlive(), "the process stopped after the click");
        assertTrue(clock.exitCode() != null && clock.exitCode() < 0, "terminated, not finished: exitcode " + clock.exitCode());
        String outcome = browser.await(WAIT, "the job shown terminated among the recent ones", d ->
                (String) browser.script("const cell = document.querySelector(\"#recent tbody tr[data-job='" + clock.jobId()
                        + "'] td:last-child\"); return cell && cell.textContent ? cell.textContent : null"));
        browser.screenshot("dashboard-terminated");
        System.out.printf("dashboard: terminate clicked on %s: stopped %.1f s later, exitcode %d, page says '%s'%n",
                clock.jobId(), stoppedAfter, clock.exitCode(), outcome);
        assertEquals("terminated", outcome);
    }

    @Test
    void actionsNeedTheToken() throws Exception {
        String path = "/api/jobs/no-such-job/terminate";
        assertEquals(401, dashboard.post(path, null).statusCode(), "no token");
        assertEquals(401, dashboard.post(path, "Basic abc").statusCode(), "not a bearer token");
        assertEquals(403, dashboard.post(path, "Bearer wrong-token-0123456789").statusCode(), "wrong token");
        assertEquals(403, dashboard.post("/api/dead/x/replay", "Bearer " + ShippedDashboard.TOKEN + "x").statusCode());
        assertEquals(202, dashboard.post(path, "Bearer " + ShippedDashboard.TOKEN).statusCode(), "right token");
        assertEquals(404, dashboard.post("/api/dead/no-such-job/replay", "Bearer " + ShippedDashboard.TOKEN).statusCode());
        assertEquals(200, dashboard.get("/api/state").statusCode(), "reading needs no token");
    }

    @Test
    void noResponseCarriesTheBrokerCredentials() throws Exception {
        String password = ":" + testBroker.uri().replaceFirst("^amqps?://[^:]*:([^@]*)@.*$", "$1") + "@";
        assertNotEquals(testBroker.uri(), password, "the test broker's URI has a password");
        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/", "/app.js", "/chart.js", "/api/state", "/api/jobs?limit=500", "/api/dead",
                "/api/health", "/api/jobs/no-such-job")) {
            bodies.add(path + " -> " + dashboard.get(path).body());
        }
        bodies.add("/api/stream -> " + dashboard.firstOfStream("/api/stream", 2000));
        bodies.add("page -> " + browser.driver().getPageSource());
        bodies.add("dashboard output -> " + String.join("\n", dashboard.process().stdout()) + String.join("\n", dashboard.process().stderr()));
        for (String body : bodies) {
            assertFalse(body.contains(password), "the broker's password in " + body.substring(0, Math.min(120, body.length())));
            assertFalse(body.contains(testBroker.uri()), "the broker's URI in " + body.substring(0, Math.min(120, body.length())));
        }
        assertTrue(bodies.get(3).contains(":***@"), "the page names the broker by its masked URI: " + bodies.get(3));
    }

    @Test
    void itListensOnTheLoopbackAddressByDefault() throws Exception {
        assertTrue(dashboard.base().startsWith("http://127.0.0.1:"), dashboard.base());
        String listening = ChildProcess.run(List.of("ss", "-Htln", "sport = :" + dashboard.port()), Map.of(),
                Duration.ofSeconds(10)).text();
        assertTrue(listening.contains("127.0.0.1]:" + dashboard.port()) || listening.contains(" 127.0.0.1:" + dashboard.port()),
                listening);
        assertFalse(listening.contains("0.0.0.0:" + dashboard.port()) || listening.contains("*:" + dashboard.port()), listening);
        List<InetAddress> others = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
        for (InetAddress other : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, dashboard.port()), 2000);
                throw new AssertionError("reachable on " + other.getHostAddress());
            } catch (java.io.IOException refused) {
                // as it must be
            }
        }
        assertEquals(403, dashboard.statusWithHost("/api/state", "attacker.example"),
                "a page of another site, resolved to 127.0.0.1 (DNS rebinding), is refused");
        System.out.println("dashboard: listening " + listening.strip() + "; refused on " + others.size() + " other address(es)");
    }

    @Test
    void badFlagsEndWithOneLineAndExitCode2() {
        Map<List<String>, String> cases = Map.of(
                List.of("--port", "70000"), "--port must be 0 to 65535",
                List.of("--recent-jobs", "5"), "--recent-jobs must be 100 to 1000000",
                List.of("--token", "short"), "the token must be at least 16 characters",
                List.of("--bind", "no-such-host.invalid"), "--bind: unknown address",
                List.of("--uri", ""), "--uri was given empty",
                List.of("--frobnicate"), "Unknown option",
                List.of("--user-queue", "a b"), "is not a queue name");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            ChildProcess.Finished run = runJar(c.getKey(), Map.of());
            assertEquals(2, run.exit(), c.getKey() + ": " + run.text());
            assertEquals(1, run.output().size(), c.getKey() + " says one line: " + run.text());
            assertTrue(run.text().startsWith("dashboard: ") && run.text().contains(c.getValue()), run.text());
        }
        ChildProcess.Finished away = runJar(List.of("--uri", "amqp://guest:s3cret-pw@127.0.0.1:1/%2F", "--port", "0"), Map.of());
        assertEquals(3, away.exit(), away.text());
        assertFalse(away.text().contains("s3cret-pw"), away.text());
        System.out.println("dashboard: " + cases.size() + " bad flags refused with exit 2; broker away: exit 3, '"
                + away.output().get(away.output().size() - 1) + "'");
    }

    private static ChildProcess.Finished runJar(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-jar", ShippedDashboard.JAR.toString()));
        command.addAll(args);
        return ChildProcess.run(command, env, Duration.ofSeconds(60));
    }

    private static void awaitRunning(RemoteProcess process) {
        browser.await(WAIT, process.jobId() + " among the running jobs", d -> (Boolean) browser.script(
                "return document.querySelector(\"#running tbody tr[data-job='" + process.jobId() + "']\") !== null") ? true : null);
    }

    /** Clicks the job's row (or an element in it) in the browser, found and clicked in one script (no stale handle). */
    private static void clickRunning(RemoteProcess process, String inside) {
        awaitRunning(process);
        browser.script("document.querySelector(\"#running tbody tr[data-job='" + process.jobId() + "']" + inside + "\").click()");
    }

    private static List<String> lines() {
        String text = ((String) browser.script("return document.getElementById('output-lines').textContent")).strip();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static double rateShown() {
        return Double.parseDouble((String) browser.script("return document.getElementById('rate-now').textContent"));
    }
}
