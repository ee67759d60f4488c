/**
 * The distributed Queue on a RabbitMQ queue, and its shared-object kind. Internal: no
 * compatibility promise; users see {@link org.multiprocessing4j.queue.RemoteQueue}.
 */
package org.multiprocessing4j.internal.queue;
