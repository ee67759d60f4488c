package org.multiprocessing4j;

import java.time.Instant;

/**
 * A job in the dead letters: no one will run it unless it is replayed.
 *
 * @param jobId     its id; a replay keeps it, so its original caller (if still waiting) gets the result
 * @param task      its task name
 * @param reason    why it is here: {@code poison} (its worker died every time it ran), {@code unknown-task},
 *                  {@code bad-body}, {@code retries-exhausted}, {@code expired}, or the broker's reason
 * @param error     what went wrong, as {@code type: message}, when known
 * @param arguments its arguments as JSON ({@code {"args": [...], "kwargs": {...}}}), or the raw body if unreadable
 * @param queue     the named queue it was sent to
 * @param attempts  how many times it ran or was delivered
 * @param deadAt    when it got here, when known
 */
public record DeadLetter(String jobId, String task, String reason, String error, String arguments, String queue,
                         int attempts, Instant deadAt) {
}
