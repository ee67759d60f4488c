package org.multiprocessing4j.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.multiprocessing4j.internal.wire.JobMessage;
import org.multiprocessing4j.internal.wire.MessageType;
import org.multiprocessing4j.internal.wire.Reply;
import org.multiprocessing4j.internal.wire.ResultReply;
import org.multiprocessing4j.internal.wire.ValueCodec;
import org.multiprocessing4j.internal.wire.WireCodec;
import org.multiprocessing4j.internal.wire.WorkerRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What each side does to a task's messages, per task: the producer encodes a job and decodes its
 * result, the worker decodes the job and encodes the result. The payload is the job's one argument
 * and the result's value (a string of about that many bytes; 0: the number 7, as a no-op task).
 * Values enter as the JSON trees the callers already hold, so this measures the envelope codec.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-XX:+UseParallelGC"})
public class CodecBenchmark {
    private static final WorkerRef WORKER = new WorkerRef("bench-0", "node-a", 4242);

    @Param({"0", "10000", "1000000"})
    public int payloadBytes;

    private JsonNode value;
    private JobMessage job;
    private byte[] jobBytes;
    private ResultReply result;
    private byte[] resultBytes;

    @Setup
    public void setUp() {
        value = ValueCodec.toJson(payloadBytes == 0 ? (Object) 7 : "x".repeat(payloadBytes - 2));
        job = JobMessage.call("2a6b8c0d-4e1f-4a2b-9c3d-5e6f7a8b9c0d", "echo", List.of(value), Map.of(), null,
                1795799650025L);
        jobBytes = WireCodec.encode(job);
        result = ResultReply.ok(job.id(), value, WORKER, 3);
        resultBytes = WireCodec.encode(result);
    }

    @Benchmark
    public byte[] encodeJob() {
        return WireCodec.encode(job);
    }

    @Benchmark
    public JobMessage decodeJob() {
        return WireCodec.decodeJob(jobBytes);
    }

    @Benchmark
    public byte[] encodeResult() {
        return WireCodec.encode(result);
    }

    @Benchmark
    public Reply decodeResult() {
        return WireCodec.decodeReply(MessageType.RESULT, resultBytes);
    }
}
