package org.multiprocessing4j.worker.seed;

import org.multiprocessing4j.task.ProcessTask;

/**
 * The tutorial's section 5: a Process subclass overriding run().
 * <pre>
 * class ClockProcess(multiprocessing.Process):
 *     def run(self):
 *         print("子进程开始执行的时间:{0}".format(time.time()))
 *         time.sleep(self.interval)
 *         print("子进程结束的时间:{0}".format(time.time()))
 * </pre>
 */
public final class ClockProcess extends ProcessTask {
    private double interval;

    private ClockProcess() {
        // for the worker, which builds the instance from the fields the producer sent
    }

    public ClockProcess(double interval) {
        this.interval = interval;
    }

    @Override
    public void run() throws InterruptedException {
        System.out.println("子进程开始执行的时间:" + Py.floatRepr(Py.time()));
        Py.sleep(interval);
        System.out.println("子进程结束的时间:" + Py.floatRepr(Py.time()));
    }
}
