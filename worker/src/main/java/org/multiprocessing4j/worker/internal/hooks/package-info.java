/**
 * Cross-cutting concerns around every run (output capture, stop requests, leases), each one
 * {@link org.multiprocessing4j.worker.internal.hooks.RunHook}.
 */
package org.multiprocessing4j.worker.internal.hooks;
