/**
 * The producer's inside: publishing jobs, routing replies to the calls waiting for them,
 * cancellations, pings. No compatibility promise.
 */
package org.multiprocessing4j.internal.client;
