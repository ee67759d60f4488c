package org.multiprocessing4j.internal.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.multiprocessing4j.internal.shared.SharedOpener;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.ResultReply;

/** The parts of map, starmap and imap that are not about the pool: chunking, and reading results back. */
public final class MapJobs {
    private MapJobs() {
    }

    /** Python's {@code chunksize, extra = divmod(len, len(pool) * 4); if extra: chunksize += 1}. */
    public static int defaultChunksize(int processes, int items) {
        if (processes == 0 || items == 0) {
            return 1;
        }
        int chunksize = items / (processes * 4);
        if (items % (processes * 4) != 0) {
            chunksize++;
        }
        return Math.max(1, chunksize);
    }

    public static void requireChunksize(int chunksize) {
        if (chunksize < 1) {
            throw new IllegalArgumentException("chunksize must be at least 1, got " + chunksize);
        }
    }

    /** Every argument list up front (map reads its whole iterable, as Python's does). */
    public static List<List<?>> argLists(Iterable<? extends List<?>> argLists) {
        List<List<?>> out = new ArrayList<>();
        argLists.forEach(out::add);
        return out;
    }

    /** Each item as the one argument of a call, lazily; null items stay (Python's None). */
    public static Iterator<List<?>> singleArguments(Iterator<?> items) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public List<?> next() {
                return Collections.singletonList(items.next());
            }
        };
    }

    /** The jobs of a map: one per chunk of argument lists. */
    public static List<JobMessage> jobs(TaskRef<?> task, List<? extends List<?>> argLists, int chunksize) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int from = 0; from < argLists.size(); from += chunksize) {
            jobs.add(JobMessages.mapped(task, argLists.subList(from, Math.min(argLists.size(), from + chunksize))));
        }
        return jobs;
    }

    /** A job's results: the list a chunk returned, or the one value of a single call. */
    public static <R> List<R> results(TaskRef<R> task, JobMessage job, ResultReply reply, SharedOpener opener) {
        if (job.kind() == JobMessage.Kind.CHUNK) {
            return Outcomes.chunkOrThrow(task.name(), reply, task.result(), opener);
        }
        List<R> one = new ArrayList<>(1);
        one.add(Outcomes.valueOrThrow(task.name(), reply, task.result(), opener));
        return one;
    }

    /** All parts in order, failing as soon as one fails (Python's map does not wait for the rest). */
    public static <R> CompletableFuture<List<R>> inOrder(List<CompletableFuture<List<R>>> parts, int size) {
        CompletableFuture<List<R>> all = new CompletableFuture<>();
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure == null) {
                List<R> values = new ArrayList<>(size);
                parts.forEach(part -> values.addAll(part.join()));
                all.complete(values);
            }
        });
        parts.forEach(part -> part.whenComplete((ok, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            }
        }));
        return all;
    }
}
