# The Python documentation's queue.Queue.join example, with a JoinableQueue and a worker process
# in place of the thread (multiprocessing.JoinableQueue documents the same task_done/join).
from multiprocessing import JoinableQueue, Process

def worker(q):
    while True:
        item = q.get()
        print(f'Working on {item}', flush=True)
        print(f'Finished {item}', flush=True)
        q.task_done()

if __name__ == '__main__':
    q = JoinableQueue()
    Process(target=worker, args=(q,), daemon=True).start()
    for item in range(30):
        q.put(item)
    q.join()
    print('All work completed')
