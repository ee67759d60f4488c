/**
 * AMQP plumbing shared by worker and producer: connecting with bounded retries, the
 * confirming publisher, the topology (every queue and exchange, declared in one place).
 *
 * <p>Internal: no compatibility promise; names and signatures change without notice.
 */
package org.multiprocessing4j.internal.amqp;
