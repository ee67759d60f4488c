/**
 * Job history: the events stream ({@code <ns>.events}), appended in batches by workers and
 * producers (EventLog) and read from any point in time (EventReader). Internal: no compatibility promise.
 */
package org.multiprocessing4j.internal.events;
