package org.multiprocessing4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.errors.PoisonTaskException;

/**
 * A task that kills its worker every time, run until its caller is told: the error, how long that
 * took, the worker deaths by then and 2 s later (a crash loop would add more). Shared by the quorum
 * and the classic jobs queue's tests of the delivery limit.
 */
record PoisonVerdict(PoisonTaskException error, double seconds, int deathsAtVerdict, int deathsAfter) {

    static PoisonVerdict of(Multiprocessing mp, RestartingWorker restarting) throws InterruptedException {
        long started = System.nanoTime();
        AsyncResult<Object> poison = mp.pool().applyAsync("crash_worker");
        PoisonTaskException e = assertThrows(PoisonTaskException.class, () -> poison.get(Duration.ofMinutes(2)));
        double seconds = (System.nanoTime() - started) / 1e9;
        int deathsAtVerdict = restarting.deaths();
        assertEquals(4L, ((Number) mp.pool().apply("square", 2)).longValue(), "the cluster works on");
        Thread.sleep(2000);
        restarting.close();
        return new PoisonVerdict(e, seconds, deathsAtVerdict, restarting.deaths());
    }
}
