package org.multiprocessing4j.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.errors.TaskTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the events stream on one thread: first the last {@code backlog} (the chart's 15 minutes,
 * the recent jobs), then live, folding each event into the recent jobs, the rates and the user
 * queues seen. When the feed fails (broker restart) it reopens from the last event's time.
 */
final class EventFollower implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(EventFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Multiprocessing mp;
    private final RecentJobs jobs;
    private final Rates rates;
    private final UserQueues userQueues;
    private volatile Instant resumeAt;
    private volatile boolean stopped;
    private volatile long eventsRead;
    private String lastFailure;

    EventFollower(Multiprocessing mp, RecentJobs jobs, Rates rates, UserQueues userQueues, Duration backlog) {
        this.mp = mp;
        this.jobs = jobs;
        this.rates = rates;
        this.userQueues = userQueues;
        this.resumeAt = Instant.now().minus(backlog);
    }

    @Override
    public void run() {
        while (!stopped) {
            try (EventFeed feed = mp.history().events(resumeAt, null, true)) {
                readUntilStopped(feed);
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                // Said once per kind of failure, not every second (no history yet is a normal state at first).
                if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                    lastFailure = String.valueOf(e.getMessage());
                    log.warn("events feed: {}; trying again every {} s from {}", lastFailure, RETRY.toSeconds(), resumeAt);
                }
                sleep(RETRY);
            }
        }
    }

    private void readUntilStopped(EventFeed feed) {
        lastFailure = null;
        while (!stopped) {
            JobEvent event;
            try {
                event = feed.next(POLL);
            } catch (TaskTimeoutException quiet) {
                continue;
            } catch (NoSuchElementException over) {
                return;
            }
            apply(event);
        }
    }

    void apply(JobEvent event) {
        eventsRead++;
        resumeAt = event.at();
        if ("submitted".equals(event.type())) {
            userQueues.discover(event.args());
        }
        JobView ended = jobs.apply(event);
        if (ended != null) {
            rates.ended(ended.endedAt(), ended.failed(), System.currentTimeMillis());
        }
    }

    long eventsRead() {
        return eventsRead;
    }

    void stop() {
        stopped = true;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
