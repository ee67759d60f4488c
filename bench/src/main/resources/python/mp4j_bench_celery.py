"""The Celery 5 peer of scripts/bench: a no-op task, acks late, results over rpc://.

Imported by the Celery worker (celery -A mp4j_bench_celery worker ...) and run as the client
that scripts/bench drives over stdin (the protocol of mp4j_bench_client.py). Queue and exchange
names come from the bench, so nothing here touches another Celery user's queues.
"""
import os
import sys

from celery import Celery
from celery.signals import worker_ready

QUEUE = os.environ["MP4J_BENCH_CELERY_QUEUE"]

app = Celery("mp4j_bench", broker=os.environ["MP4J_BENCH_CELERY_BROKER"], backend="rpc://")
app.conf.update(
    task_acks_late=True,
    task_default_queue=QUEUE,
    task_default_exchange=QUEUE,
    task_default_routing_key=QUEUE,
    result_exchange=QUEUE + ".results",
    # No remote control, events or gossip: they would declare exchanges outside the bench's names.
    worker_enable_remote_control=False,
    worker_send_task_events=False,
    task_send_sent_event=False,
)


@app.task(name="noop")
def noop():
    return None


@worker_ready.connect
def announce(**_):
    print("celery worker ready", flush=True)


def main():
    import mp4j_bench_client as client

    def throughput(calls, _arg):
        results = [noop.delay() for _ in range(calls)]
        for result in results:
            result.get(timeout=600)

    def one(_arg):
        noop.delay().get(timeout=30)

    client.serve("celery", throughput, one)


if __name__ == "__main__":
    sys.exit(main())
