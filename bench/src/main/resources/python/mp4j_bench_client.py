"""The stdin protocol of scripts/bench's clients (see ClientLoop.java), for the Python peers.

One command per line, "MODE CALLS ARG"; an empty line ends. Each round prints one line
"RESULT {json}" with kind, calls, perSecond, p50Ms, p99Ms, peakRssMb.
"""
import json
import resource
import sys
import time


def result(kind, calls, seconds, latencies_ms=()):
    ordered = sorted(latencies_ms)

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return "RESULT " + json.dumps({"kind": kind, "calls": calls, "perSecond": calls / seconds,
                                   "p50Ms": percentile(0.5), "p99Ms": percentile(0.99), "peakRssMb": peak_mb})


def serve(kind, throughput, one, sleeps=None):
    """throughput(calls, arg): all in flight; one(arg): a single call; sleeps(calls, seconds): Pool(3) of sleeps."""
    for line in sys.stdin:
        if not line.strip():
            return
        mode, calls, arg = line.split()
        calls, arg = int(calls), int(arg)
        started = time.perf_counter()
        latencies = []
        if mode == "latency":
            for _ in range(calls):
                t0 = time.perf_counter()
                one(arg)
                latencies.append((time.perf_counter() - t0) * 1000)
        elif mode == "sleeps" and sleeps is not None:
            seconds = sleeps(calls, arg)
            print(result(kind + "-sleeps", 1, seconds), flush=True)
            continue
        else:
            throughput(calls, arg)
        print(result(kind + "-" + mode, calls, time.perf_counter() - started, latencies), flush=True)
