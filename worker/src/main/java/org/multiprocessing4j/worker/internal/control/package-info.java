/**
 * What a worker listens to besides jobs: the cancellation stream, pings from producers, and
 * dead-lettered jobs whose producers must hear why.
 */
package org.multiprocessing4j.worker.internal.control;
