/**
 * Python's synchronization primitives and shared values across machines, carried by the broker that
 * carries the work: {@link org.multiprocessing4j.sync.RemoteLock}, {@link org.multiprocessing4j.sync.RemoteRLock},
 * {@link org.multiprocessing4j.sync.RemoteSemaphore}, {@link org.multiprocessing4j.sync.RemoteEvent},
 * {@link org.multiprocessing4j.sync.RemoteCondition}, {@link org.multiprocessing4j.sync.RemoteBarrier},
 * {@link org.multiprocessing4j.sync.RemoteValue} and {@link org.multiprocessing4j.sync.RemoteArray}.
 * Made by {@code Multiprocessing} ({@code mp.lock()}, {@code mp.event("name")}...), passed to tasks
 * as arguments, usable the same on every machine. docs/SYNC.md has the design and the guarantees.
 */
package org.multiprocessing4j.sync;
