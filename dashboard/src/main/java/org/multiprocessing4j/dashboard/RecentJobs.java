package org.multiprocessing4j.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import org.multiprocessing4j.JobEvent;

/**
 * The last {@code capacity} jobs seen in the events stream, oldest dropped first, so the dashboard's
 * memory stays bounded however long it runs. Thread-safe: the event reader writes, page requests read.
 */
final class RecentJobs {
    /** Default window, and the bounds a user may set with --recent-jobs. */
    static final int DEFAULT_CAPACITY = 10_000;
    static final int MIN_CAPACITY = 100;
    static final int MAX_CAPACITY = 1_000_000;

    private final int capacity;
    private final Map<String, JobView> jobs;

    RecentJobs(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be " + MIN_CAPACITY + " to " + MAX_CAPACITY + ", got " + capacity);
        }
        this.capacity = capacity;
        // insertion order = the order jobs were first seen; the eldest goes once the window is full
        this.jobs = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobView> eldest) {
                return size() > RecentJobs.this.capacity;
            }
        };
    }

    /**
     * Folds an event into its job. Returns the job if this event ended it (for the rates), else null:
     * an event read twice (the feed reopened after a broker fault) does not count the job twice.
     */
    synchronized JobView apply(JobEvent event) {
        JobView before = jobs.get(event.jobId());
        JobView now = before == null ? JobView.first(event) : before.with(event);
        jobs.put(event.jobId(), now);
        return now.ended() && (before == null || !before.ended()) ? now : null;
    }

    synchronized Optional<JobView> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    synchronized int size() {
        return jobs.size();
    }

    int capacity() {
        return capacity;
    }

    /** Running jobs, newest first, at most {@code limit}. */
    synchronized List<JobView> running(int limit) {
        return newestFirst(limit, JobView::running, null);
    }

    /** Jobs that ended, newest first, at most {@code limit}, those matching {@code text} if not blank. */
    synchronized List<JobView> recent(int limit, String text) {
        return newestFirst(limit, JobView::ended, text == null || text.isBlank() ? null : text.strip());
    }

    /** Jobs in any state, newest first, matching {@code text} if not blank. */
    synchronized List<JobView> search(int limit, String text) {
        return newestFirst(limit, job -> true, text == null || text.isBlank() ? null : text.strip());
    }

    private List<JobView> newestFirst(int limit, java.util.function.Predicate<JobView> which, String text) {
        List<JobView> found = new ArrayList<>();
        ListIterator<JobView> backwards = new ArrayList<>(jobs.values()).listIterator(jobs.size());
        while (backwards.hasPrevious() && found.size() < limit) {
            JobView job = backwards.previous();
            if (which.test(job) && (text == null || job.matches(text))) {
                found.add(job);
            }
        }
        return found;
    }
}
