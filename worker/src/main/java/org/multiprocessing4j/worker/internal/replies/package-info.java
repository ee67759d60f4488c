/** Replies to a job's producer (started, output lines, result), in order, on one confirming channel. */
package org.multiprocessing4j.worker.internal.replies;
