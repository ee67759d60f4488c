"""CPython's local multiprocessing.Pool, the no-network ceiling of scripts/bench.

Pool(2) for no-op throughput and apply() latency; a fresh Pool(3) for the 5 x 3 s sleeps
(its wall time from the first submit to the last result).
"""
import multiprocessing
import sys
import time

import mp4j_bench_client as client


def noop():
    return None


def main():
    pool = multiprocessing.Pool(2)

    def throughput(calls, _arg):
        results = [pool.apply_async(noop) for _ in range(calls)]
        for result in results:
            result.get(timeout=600)

    def one(_arg):
        pool.apply(noop)

    def sleeps(calls, seconds):
        with multiprocessing.Pool(3) as three:
            started = time.perf_counter()
            results = [three.apply_async(time.sleep, (seconds,)) for _ in range(calls)]
            for result in results:
                result.get(timeout=600)
            return time.perf_counter() - started

    try:
        client.serve("cpython-pool", throughput, one, sleeps)
    finally:
        pool.terminate()


if __name__ == "__main__":
    sys.exit(main())
