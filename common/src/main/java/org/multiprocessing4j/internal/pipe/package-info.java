/** Pipe on the broker: an inbox queue per readable end. Internal: no compatibility promise. */
package org.multiprocessing4j.internal.pipe;
