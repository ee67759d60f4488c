package org.multiprocessing4j.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multiprocessing4j.JobEvent;

class RecentJobsTest {
    private static JobEvent event(String type, String job, long at, String outcome) {
        return new JobEvent(type, job, "square", Instant.ofEpochMilli(at), "w1", "host", 42L, 1, null, outcome,
                null, "finished".equals(type) ? 5L : null, null, "submitted".equals(type) ? "[3]" : null);
    }

    @Test
    void keepsOnlyTheLastCapacityJobsDroppingTheOldestFirst() {
        RecentJobs jobs = new RecentJobs(100);
        for (int i = 0; i < 250; i++) {
            jobs.apply(event("submitted", "job-" + i, i, null));
        }
        assertEquals(100, jobs.size());
        assertTrue(jobs.get("job-149").isEmpty());
        assertTrue(jobs.get("job-150").isPresent());
        assertEquals("job-249", jobs.search(1, null).get(0).id(), "newest first");
    }

    @Test
    void foldsAJobsEventsAndCountsItsEndOnce() {
        RecentJobs jobs = new RecentJobs(100);
        assertNull(jobs.apply(event("submitted", "a", 1, null)));
        assertNull(jobs.apply(event("started", "a", 2, null)));
        assertEquals(List.of("a"), jobs.running(10).stream().map(JobView::id).toList());
        JobView ended = jobs.apply(event("finished", "a", 3, "ok"));
        assertNotNull(ended);
        assertEquals("ok", ended.outcome());
        assertEquals("[3]", ended.args());
        assertEquals("w1", ended.worker());
        assertEquals(5L, ended.elapsedMs());
        assertNull(jobs.apply(event("finished", "a", 3, "ok")), "the same end read again (feed reopened) is not counted again");
        assertTrue(jobs.running(10).isEmpty());
        assertEquals(1, jobs.recent(10, "squ").size());
        assertEquals(0, jobs.recent(10, "nothing-like-it").size());
    }

    @Test
    void refusesAWindowOutOfBounds() {
        assertThrows(IllegalArgumentException.class, () -> new RecentJobs(99));
        assertThrows(IllegalArgumentException.class, () -> new RecentJobs(RecentJobs.MAX_CAPACITY + 1));
    }
}
