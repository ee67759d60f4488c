#!/usr/bin/env python3
"""A multiprocessing4j client in Python, written from docs/PROTOCOL.md and the golden samples
under common/src/test/resources/golden/ alone, as a user of another language would write one:
every protocol detail it uses comes from that page (the § numbers below point into it), none from
the Java code. It is the proof that the page leaves nothing to guess (system-tests PythonClientIT).

Needs pika (Debian: apt-get install python3-pika; elsewhere: pip install pika).

    AMQP_URI=amqp://guest:guest@localhost:5672/%2F MP4J_NAMESPACE=mp4j python3 mp4j_client.py

runs a short tour against the workers of that namespace: ping them, run `square` as a pool call
and `func` as a process (with its output lines), a chunk, a failing task, an unknown task, and
a queue used from here and from a worker.
"""
import json
import os
import sys
import time
import uuid

import pika
from pika.exceptions import NackError, UnroutableError

JSON = "application/json"
PERSISTENT = 2


class RemoteError(Exception):
    """An `error` result (§4.3): the Java exception's class name, message and cause."""

    def __init__(self, error):
        self.type = error["type"]
        self.message = error.get("message")  # absent when the exception had none
        self.cause = RemoteError(error["cause"]) if "cause" in error else None
        super().__init__(f"{self.type}: {self.message}")


class QueueFull(Exception):
    pass


class Job:
    """What came back for one job id: started worker, output lines (each seq once), first result."""

    def __init__(self, job_id, task):
        self.id, self.task = job_id, task
        self.started = None
        self.lines = []  # (worker, line)
        self.seqs = set()
        self.result = None

    def outcome(self):
        """The return value of an `ok` result; raises RemoteError for `error`."""
        if self.result["outcome"] == "ok":
            return self.result["value"]
        if self.result["outcome"] == "error":
            raise RemoteError(self.result["error"])
        raise RuntimeError(f"job {self.id} was {self.result['outcome']}")


class Client:
    def __init__(self, uri=None, namespace=None):
        self.ns = namespace or os.environ.get("MP4J_NAMESPACE") or "mp4j"
        uri = uri or os.environ.get("AMQP_URI") or "amqp://guest:guest@localhost:5672/%2F"
        self.connection = pika.BlockingConnection(pika.URLParameters(uri))
        self.publisher = self.connection.channel()
        self.publisher.confirm_delivery()  # §1: mandatory + publisher confirms
        self.reply_queue = f"{self.ns}.reply.{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.jobs = {}
        self._declare_topology(self.publisher)
        self.replies = self.connection.channel()
        self.replies.basic_qos(prefetch_count=1000)
        self.replies.basic_consume(self.reply_queue, self._on_reply, auto_ack=False)

    def _declare_topology(self, ch):
        """§2 rows 1-7, in order, with exactly the documented arguments."""
        ns = self.ns
        ch.exchange_declare(f"{ns}.dead", exchange_type="fanout", durable=True)
        ch.queue_declare(f"{ns}.dead.letters", durable=True, arguments={
            "x-queue-type": "quorum", "x-max-length": 100000})
        ch.queue_bind(f"{ns}.dead.letters", f"{ns}.dead", routing_key="")
        ch.queue_declare(f"{ns}.dead.notify", durable=True, arguments={"x-queue-type": "quorum"})
        ch.queue_bind(f"{ns}.dead.notify", f"{ns}.dead", routing_key="")
        ch.queue_declare(f"{ns}.jobs", durable=True, arguments={
            "x-queue-type": "quorum", "x-delivery-limit": 3, "x-dead-letter-exchange": f"{ns}.dead"})
        ch.queue_declare(f"{ns}.cancellations", durable=True, arguments={
            "x-queue-type": "stream", "x-max-age": "1D", "x-stream-max-segment-size-bytes": 1000000})
        ch.exchange_declare(f"{ns}.control", exchange_type="fanout", durable=True)
        ch.queue_declare(self.reply_queue, durable=True, arguments={"x-queue-type": "quorum", "x-expires": 3600000})

    # ---- jobs (§4.1, §5.1) ----------------------------------------------------------------

    def submit(self, task, args=(), kwargs=None, process_name=None, kind="call", chunk=None):
        job_id = str(uuid.uuid4())
        body = {"v": 1, "id": job_id, "task": task, "kind": kind,
                "submittedAt": int(time.time() * 1000)}
        if kind == "chunk":
            body["chunk"] = [list(a) for a in chunk]
        else:
            body["args"], body["kwargs"] = list(args), dict(kwargs or {})
        if process_name:
            body["processName"], body["reportStart"] = process_name, True
        self.jobs[job_id] = Job(job_id, task)
        self._publish(f"{self.ns}.jobs", body, pika.BasicProperties(
            type="mp4j.job", content_type=JSON, delivery_mode=PERSISTENT,
            message_id=job_id, correlation_id=job_id, reply_to=self.reply_queue))
        return self.jobs[job_id]

    def call(self, task, *args, **kwargs):
        """Python's pool.apply: runs the task on a worker and returns its value."""
        return self.wait(self.submit(task, args, kwargs)).outcome()

    def wait(self, job, timeout=60):
        deadline = time.monotonic() + timeout
        while job.result is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no result for {job.task} ({job.id}) in {timeout} s")
            self.connection.process_data_events(time_limit=0.1)
        return job

    def _on_reply(self, ch, method, props, body):
        """§4.3: `type` says which reply; the body's `id` names the job; first result wins."""
        reply = json.loads(body)
        job = self.jobs.get(reply.get("id"))
        if reply.get("v") == 1 and job is not None and job.result is None:
            if props.type == "mp4j.started":
                job.started = reply["worker"]
            elif props.type == "mp4j.output" and reply["seq"] not in job.seqs:
                job.seqs.add(reply["seq"])
                job.lines.append((reply["worker"], reply["line"]))
                print(f"output: [{reply['worker']['name']} pid {reply['worker']['pid']}] {reply['line']}")
            elif props.type == "mp4j.result":
                job.result = reply
        ch.basic_ack(method.delivery_tag)

    # ---- ping (§4.5) ----------------------------------------------------------------------

    def ping(self, wait_seconds=1.0):
        answers = []
        ch = self.connection.channel()
        ch.basic_consume("amq.rabbitmq.reply-to", auto_ack=True,  # direct reply-to: no-ack only
                         on_message_callback=lambda c, m, p, b: answers.append(json.loads(b))
                         if p.type == "mp4j.worker-info" else None)
        ch.basic_publish(f"{self.ns}.control", "", b"{}", pika.BasicProperties(
            type="mp4j.ping", content_type=JSON, message_id=str(uuid.uuid4()),
            reply_to="amq.rabbitmq.reply-to"))
        self.connection.process_data_events(time_limit=wait_seconds)
        ch.close()
        return [a for a in answers if a.get("v") == 1]

    # ---- queues (§6) ----------------------------------------------------------------------

    def create_queue(self, name, maxsize=0):
        args = {"x-max-length": maxsize, "x-overflow": "reject-publish"} if maxsize > 0 else None
        self.publisher.queue_declare(f"{self.ns}.queue.{name}", durable=True, arguments=args)
        return {"__mp4j_queue__": {"name": name, "maxsize": maxsize}}  # §4.2: a queue as an argument

    def put(self, name, item, timeout=5.0):
        """A full queue answers basic.nack: wait and publish again until the timeout."""
        deadline, pause = time.monotonic() + timeout, 0.005
        while True:
            try:
                return self._publish(f"{self.ns}.queue.{name}", item, pika.BasicProperties(
                    type="mp4j.item", content_type=JSON, delivery_mode=PERSISTENT,
                    message_id=str(uuid.uuid4())))
            except NackError:
                if time.monotonic() + pause > deadline:
                    raise QueueFull(f"queue '{name}' is full")
                time.sleep(pause)
                pause = min(pause * 2, 0.1)

    def get(self, name, timeout=5.0):
        deadline = time.monotonic() + timeout
        while True:
            method, _, body = self.publisher.basic_get(f"{self.ns}.queue.{name}", auto_ack=False)
            if method is not None:
                item = json.loads(body)
                self.publisher.basic_ack(method.delivery_tag)  # acknowledged once decoded
                return item
            if time.monotonic() > deadline:
                raise TimeoutError(f"queue '{name}' stayed empty for {timeout} s")
            time.sleep(0.05)

    def delete_queue(self, name):
        self.publisher.queue_delete(f"{self.ns}.queue.{name}")

    # ---- plumbing -------------------------------------------------------------------------

    def _publish(self, queue, body, props):
        """Default exchange, mandatory, confirmed. UnroutableError: no such queue; NackError: refused."""
        self.publisher.basic_publish("", queue, json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                     props, mandatory=True)

    def close(self):
        self.publisher.queue_delete(self.reply_queue)  # a clean close removes the reply queue
        self.connection.close()


def tour(client):
    for info in client.ping():
        w = info["worker"]
        print(f"worker: {w['name']} host {w['host']} pid {w['pid']} concurrency {info['concurrency']} "
              f"tasks {','.join(info['tasks'])}")

    # A pool call and a process started together, then awaited.
    square = client.submit("square", [7])
    func = client.submit("func", ["hello"], process_name="Process-1")
    client.wait(func)
    client.wait(square)
    print(f"started: func on {func.started['name']} pid {func.started['pid']}")
    print(f"result: square(7) = {json.dumps(square.outcome())}")
    print(f"result: func('hello') = {json.dumps(func.outcome())}")
    print(f"result: square(2.5) = {json.dumps(client.call('square', 2.5))}")
    chunk = client.wait(client.submit("square", kind="chunk", chunk=[[1], [2], [3]]))
    print(f"result: chunk of square [1, 2, 3] = {json.dumps(chunk.outcome())}")

    for task, args in (("fail", ["boom"]), ("no_such_task", [])):
        try:
            client.call(task, *args)
        except RemoteError as e:
            print(f"error: {task} raised {e.type}: {e.message}")

    item = {"msg": "消息1", "n": [1, 2.5, None, True]}
    name = f"py-{uuid.uuid4().hex[:8]}"
    ref = client.create_queue(name)
    client.put(name, item)
    print(f"queue: got {json.dumps(client.get(name), ensure_ascii=False)}")
    client.wait(client.submit("write", [ref], process_name="Process-2")).outcome()
    print(f"queue: from worker {' '.join(client.get(name) for _ in range(3))}")
    client.delete_queue(name)

    bounded = f"py-{uuid.uuid4().hex[:8]}"
    client.create_queue(bounded, maxsize=1)
    client.put(bounded, 1)
    try:
        client.put(bounded, 2, timeout=0.3)
    except QueueFull as e:
        print(f"queue: {e} (maxsize 1)")
    client.delete_queue(bounded)


def main():
    client = Client()
    try:
        tour(client)
    finally:
        client.close()
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
