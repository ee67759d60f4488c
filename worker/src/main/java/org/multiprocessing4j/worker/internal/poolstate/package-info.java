/** Pool initializers and maxtasksperchild on the worker side. Internal: no compatibility promise. */
package org.multiprocessing4j.worker.internal.poolstate;
