/** Where jobs come in: the subscription to the jobs queue, prefetch = concurrency. */
package org.multiprocessing4j.worker.internal.intake;
