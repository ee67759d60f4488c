/**
 * The worker's inside: consuming jobs, running them, streaming output, answering pings,
 * honouring cancellations and dead letters. No compatibility promise.
 */
package org.multiprocessing4j.worker.internal;
