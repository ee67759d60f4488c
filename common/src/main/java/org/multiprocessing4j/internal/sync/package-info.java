/**
 * Locks, semaphores, events, conditions, barriers and shared values on the broker: token queues,
 * state messages replaced in transactions, fanout wake-ups and life tokens (docs/SYNC.md).
 * Internal: no compatibility promise.
 */
package org.multiprocessing4j.internal.sync;
