package org.multiprocessing4j.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.multiprocessing4j.EventFeed;
import org.multiprocessing4j.JobEvent;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.errors.TaskTimeoutException;

/**
 * A job's output for the page that clicked it: its lines and progress from the first, read from the
 * events stream from the job's submission, then live until it ends (or the page goes away). Each
 * viewer has its own reader on a thread of its own; at most {@value #MAX_VIEWERS} at once.
 */
final class JobOutputs implements AutoCloseable {
    static final int MAX_VIEWERS = 16;
    /** Read from a little before the submission: the stream's time index is coarse. */
    private static final Duration LEAD = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Multiprocessing mp;
    private final ObjectMapper json;
    private final Semaphore viewers = new Semaphore(MAX_VIEWERS);
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "job-output");
        thread.setDaemon(true);
        return thread;
    });

    JobOutputs(Multiprocessing mp, ObjectMapper json) {
        this.mp = mp;
        this.json = json;
    }

    /** Streams the job's output to the page; false if too many are being watched. */
    boolean watch(SseClient page, String jobId, Instant submittedAt) {
        if (!viewers.tryAcquire()) {
            return false;
        }
        page.keepAlive();
        readers.execute(() -> {
            try (EventFeed feed = mp.history().events(submittedAt.minus(LEAD), null, true)) {
                relay(feed, page, jobId);
            } catch (RuntimeException e) {
                page.sendEvent("failed", json.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
            } finally {
                viewers.release();
                page.close();
            }
        });
        return true;
    }

    private void relay(EventFeed feed, SseClient page, String jobId) {
        while (!page.terminated()) {
            JobEvent event;
            try {
                event = feed.next(POLL);
            } catch (TaskTimeoutException quiet) {
                page.sendComment("waiting"); // also how a page that went away is noticed
                continue;
            } catch (NoSuchElementException over) {
                return;
            }
            if (jobId.equals(event.jobId())) {
                page.sendEvent(event.type(), describe(event).toString());
                if (event.ends()) {
                    return;
                }
            }
        }
    }

    private ObjectNode describe(JobEvent event) {
        ObjectNode node = json.createObjectNode().put("type", event.type()).put("at", event.at().toEpochMilli());
        if (event.line() != null) {
            node.put("line", event.line());
        }
        if (event.worker() != null) {
            node.put("worker", event.worker()).put("host", event.host()).put("pid", event.pid());
        }
        if (event.outcome() != null) {
            node.put("outcome", event.outcome());
        }
        if (event.error() != null) {
            node.put("error", event.error());
        }
        if (event.progress() != null) {
            node.put("done", event.progress().done()).put("total", event.progress().total());
        }
        return node;
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
