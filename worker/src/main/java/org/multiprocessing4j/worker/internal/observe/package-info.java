/** Watching the worker: job history into the events stream, and Prometheus metrics on /metrics. */
package org.multiprocessing4j.worker.internal.observe;
