package org.multiprocessing4j.system.faults;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.task.Call;
import org.multiprocessing4j.task.CallOptions;
import org.multiprocessing4j.testkit.ChildProcess;
import org.multiprocessing4j.testkit.PrivateBroker;

/** Diagnostic (issue 12 lateness): prints a timeline of every delay level's count across a kill -9 + restart. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DelayTimelineProbeIT {
    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.multiprocessing4j.internal.client.JobPublisher", "debug");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }

    private static final int JOBS = 50;
    private static final Duration COUNTDOWN = Duration.ofSeconds(30);
    private static volatile long dueAt;

    @Test
    void timeline() throws Exception {
        AtomicInteger results = new AtomicInteger();
        String settle = System.getProperty("probe.settleTimeout");
        PrivateBroker.Builder builder = PrivateBroker.builder("delayed");
        if (settle != null) {
            builder.rabbitEnv("{dead_letter_worker_publisher_confirm_timeout, " + settle + "}");
        }
        try (PrivateBroker node = builder.start(); Cluster cluster = new Cluster("delayed")) {
            ChildProcess first = cluster.start("w1", node.uri(), 4);
            Thread.sleep(2000);
            AtomicBoolean stop = new AtomicBoolean();
            dueAt = System.currentTimeMillis() + COUNTDOWN.toMillis();
            Thread poller = new Thread(() -> poll(node, stop), "probe-poller");
            poller.setDaemon(true);
            try (Multiprocessing mp = Cluster.connect(node.uri(), "delayed", line -> { })) {
                Pool pool = mp.pool(0, CallOptions.defaults().countdown(COUNTDOWN));
                long t0 = System.currentTimeMillis();
                dueAt = t0 + COUNTDOWN.toMillis();
                poller.start();
                for (int i = 0; i < JOBS; i++) {
                    pool.applyAsync(Call.of("brief", "delayed-" + i, 10), result -> results.incrementAndGet(), e -> { });
                }
                mark("submitted " + JOBS + " (first applyAsync at " + (t0 - dueAt) + ")");
                first.kill9();
                mark("worker killed");
                node.kill9();
                mark("broker killed");
                Thread.sleep(2000);
                node.start();
                mark("broker back");
                cluster.start("w2", node.uri(), 4);
                mark("worker w2 ready");
                long deadline = System.currentTimeMillis() + 240_000;
                while (results.get() < JOBS && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                mark("results " + results.get());
                stop.set(true);
                List<Long> started = new ArrayList<>();
                try (EventFeed events = mp.history().events(null, "brief", false)) {
                    for (JobEvent event : events) {
                        if (event.type().equals("started")) {
                            started.add(event.at().toEpochMilli() - dueAt);
                        }
                    }
                }
                Collections.sort(started);
                System.out.println("PROBE started (ms of their time): " + started);
            }
        }
    }

    private static void mark(String what) {
        System.out.printf("PROBE %+7d ms  %s%n", System.currentTimeMillis() - dueAt, what);
    }

    private static void poll(PrivateBroker node, AtomicBoolean stop) {
        String last = "";
        Connection connection = null;
        while (!stop.get()) {
            try {
                if (connection == null || !connection.isOpen()) {
                    connection = node.newConnection();
                    mark("poller connected");
                }
                StringBuilder counts = new StringBuilder();
                for (int level = 7; level >= 0; level--) {
                    counts.append("L").append(level).append('=').append(count(connection, "delayed.delay." + level)).append(' ');
                }
                counts.append("jobs=").append(count(connection, "delayed.jobs"));
                String now = counts.toString();
                if (!now.equals(last)) {
                    mark(now);
                    last = now;
                }
            } catch (Exception e) {
                if (connection != null) {
                    try {
                        connection.abort();
                    } catch (RuntimeException ignored) {
                        // gone
                    }
                }
                connection = null;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
        }
        if (connection != null) {
            connection.abort();
        }
    }

    private static String count(Connection connection, String queue) {
        try (Channel channel = connection.createChannel()) {
            return String.valueOf(channel.queueDeclarePassive(queue).getMessageCount());
        } catch (Exception e) {
            return "-";
        }
    }
}
