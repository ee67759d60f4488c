package org.multiprocessing4j.dashboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.OutputSink;

/**
 * A running dashboard: one broker client, one events reader, one cluster poller, the HTTP server.
 * Stopped in the reverse order: no more pages, then the readers, then the broker client.
 */
final class Dashboard implements AutoCloseable {
    private static final Duration PUSH_EVERY = Duration.ofSeconds(1);

    private final Multiprocessing mp;
    private final UserQueues userQueues;
    private final EventFollower events;
    private final ScheduledExecutorService timers;
    private final Thread eventsThread;
    private final DashboardServer server;
    private final int port;

    private Dashboard(DashboardConfig config) {
        // The dashboard submits nothing: it records no events of its own.
        mp = Multiprocessing.builder().settings(config.settings()).output(OutputSink.discard()).events(false, "1D").connect();
        try {
            userQueues = new UserQueues(config.userQueues());
            RecentJobs jobs = new RecentJobs(config.recentJobs());
            Rates rates = new Rates();
            events = new EventFollower(mp, jobs, rates, userQueues, config.backlog());
            ClusterPoller cluster = new ClusterPoller(mp, userQueues);
            cluster.run(); // the first page shows the workers at once
            server = new DashboardServer(mp, new DashboardState(config.settings(), cluster, jobs, rates, events),
                    config.token(), config.loopbackOnly());
            eventsThread = new Thread(events, "events-follower");
            eventsThread.setDaemon(true);
            eventsThread.start();
            timers = Executors.newScheduledThreadPool(2, r -> {
                Thread thread = new Thread(r, "dashboard-timer");
                thread.setDaemon(true);
                return thread;
            });
            timers.scheduleWithFixedDelay(cluster, ClusterPoller.PERIOD.toMillis(), ClusterPoller.PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
            timers.scheduleAtFixedRate(server.broadcaster(), PUSH_EVERY.toMillis(), PUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            port = server.start(config.bind(), config.port());
            // before DashboardMain says "serving": the first page opened should not pay for a cold JVM
            WarmUp.run(ownAddress(config.bind()), port, config.recentJobs());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static Dashboard start(DashboardConfig config) {
        return new Dashboard(config);
    }

    /** How this process reaches its own server: the loopback address when it listens on every one. */
    private static String ownAddress(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) || "[::]".equals(bind) ? "127.0.0.1" : bind;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (events != null) {
            events.stop();
        }
        if (userQueues != null) {
            userQueues.close();
        }
        mp.close(Duration.ZERO);
    }
}
