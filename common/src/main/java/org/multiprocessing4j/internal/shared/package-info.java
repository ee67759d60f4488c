/**
 * The seam for shared objects: handles (a queue today; locks, events, values next) that travel as
 * references inside arguments and results and are opened again on the other side. The codec
 * writes and reads references through these interfaces alone; each kind's implementation sits in
 * a package of its own and is listed in {@code internal.kinds}.
 *
 * <p>Internal: no compatibility promise.
 */
package org.multiprocessing4j.internal.shared;
