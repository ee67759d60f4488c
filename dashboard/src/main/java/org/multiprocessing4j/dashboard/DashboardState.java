package org.multiprocessing4j.dashboard;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.multiprocessing4j.connection.BrokerSettings;

/** Everything the dashboard knows, put together for the page: cluster (polled), jobs and rates (from the events). */
final class DashboardState {
    /** Rows sent to the page each second: the page is fast however many jobs are kept (search reaches the rest). */
    static final int RUNNING_SHOWN = 200;
    static final int RECENT_SHOWN = 100;

    private final Snapshot.Broker broker;
    private final ClusterPoller cluster;
    private final RecentJobs jobs;
    private final Rates rates;
    private final EventFollower events;

    DashboardState(BrokerSettings settings, ClusterPoller cluster, RecentJobs jobs, Rates rates, EventFollower events) {
        // The masked URI only (password replaced): the credentials stay in this process.
        this.broker = new Snapshot.Broker(settings.maskedUri(), settings.namespace());
        this.cluster = cluster;
        this.jobs = jobs;
        this.rates = rates;
        this.events = events;
    }

    Snapshot snapshot() {
        long now = System.currentTimeMillis();
        return new Snapshot(now, broker, cluster.workers(), cluster.queues(), rates.series(now),
                jobs.running(RUNNING_SHOWN), jobs.recent(RECENT_SHOWN, null), jobs.size(), jobs.capacity(), cluster.error());
    }

    RecentJobs jobs() {
        return jobs;
    }

    /** For operators and the memory figure: jobs kept, events read, heap and resident memory. */
    Map<String, Object> health(int pages) {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("jobsKept", jobs.size());
        health.put("jobsWindow", jobs.capacity());
        health.put("eventsRead", events.eventsRead());
        health.put("pages", pages);
        health.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        health.put("heapMaxBytes", runtime.maxMemory());
        health.put("residentBytes", residentBytes());
        return health;
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }
}
