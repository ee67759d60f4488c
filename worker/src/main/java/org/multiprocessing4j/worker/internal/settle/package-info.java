/**
 * How a job leaves the worker, once: result confirmed then acknowledged (or lease ended), handed
 * back, or refused and dead-lettered; and the lease that keeps a long job's delivery alive.
 */
package org.multiprocessing4j.worker.internal.settle;
