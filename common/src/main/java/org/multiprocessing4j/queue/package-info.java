/**
 * Python's {@code multiprocessing.Queue}, shared by every machine on the broker:
 * {@link org.multiprocessing4j.queue.RemoteQueue}.
 */
package org.multiprocessing4j.queue;
