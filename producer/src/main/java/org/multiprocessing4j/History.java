package org.multiprocessing4j;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Predicate;
import org.multiprocessing4j.internal.client.ClientCore;

/**
 * The jobs' history, from the events stream: what was submitted, where it ran, what it printed, how
 * it ended, replayed from any time within the stream's retention, then followed live.
 * {@code mp.history()}; the CLI's {@code producer events} and {@code producer logs}.
 *
 * <pre>{@code
 * try (EventFeed log = mp.history().logs(jobId, true)) {    // its lines from the first, then live
 *     for (JobEvent e : log) { if ("output".equals(e.type())) System.out.println(e.line()); }
 * }
 * }</pre>
 */
public final class History {
    private final ClientCore core;

    History(ClientCore core) {
        this.core = core;
    }

    /**
     * Every event since {@code since} (null: as far back as kept), of one task or all ({@code task}
     * null), to the present, then on if {@code follow}.
     */
    public EventFeed events(Instant since, String task, boolean follow) {
        Predicate<JobEvent> ofTask = task == null ? e -> true : e -> task.equals(e.task());
        return new EventFeed(core.readEvents(since == null ? null : since.toEpochMilli(), follow), ofTask, e -> false);
    }

    /**
     * One job's events from its submission: its output lines, progress, retries and how it ended.
     * With {@code follow} it waits for the job to end, then stops.
     */
    public EventFeed logs(String jobId, boolean follow) {
        Objects.requireNonNull(jobId, "jobId");
        return new EventFeed(core.readEvents(null, follow), e -> jobId.equals(e.jobId()), JobEvent::ends);
    }
}
