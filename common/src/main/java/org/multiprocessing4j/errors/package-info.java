/**
 * Every error this library throws, shaped by what the caller can do about it.
 *
 * <p>All of them extend the unchecked {@link org.multiprocessing4j.errors.MpException}, the way
 * Python's {@code multiprocessing} raises without a {@code throws} clause. Catch the subtype
 * you can act on:
 * <ul>
 *   <li>{@link org.multiprocessing4j.errors.BrokerUnavailableException}: no broker answered; retry later or fix the URI;</li>
 *   <li>{@link org.multiprocessing4j.errors.ConnectionLostException}: the link broke and did not come back in time;</li>
 *   <li>{@link org.multiprocessing4j.errors.ClosedException}: the pool, client or queue was already closed;</li>
 *   <li>{@link org.multiprocessing4j.errors.RemoteTaskException}: the task failed on a worker (its type, message and stack trace travel with it);</li>
 *   <li>{@link org.multiprocessing4j.errors.UnknownTaskException}: no worker has a task of that name;</li>
 *   <li>{@link org.multiprocessing4j.errors.TaskTimeoutException}: a wait ran out of time (the task keeps running);</li>
 *   <li>{@link org.multiprocessing4j.errors.TerminatedException}: the task was terminated before it finished;</li>
 *   <li>{@link org.multiprocessing4j.errors.QueueFullException} / {@link org.multiprocessing4j.errors.QueueEmptyException}: Python's {@code queue.Full} / {@code queue.Empty}; {@link org.multiprocessing4j.errors.QueueNotFoundException}: no such queue;</li>
 *   <li>{@link org.multiprocessing4j.errors.PayloadTooLargeException} / {@link org.multiprocessing4j.errors.EncodingException}: a value cannot travel.</li>
 * </ul>
 */
package org.multiprocessing4j.errors;
