/**
 * The registry of shared-object kinds (queue first) and the scope that opens references and
 * closes what it opened. Internal: no compatibility promise.
 */
package org.multiprocessing4j.internal.kinds;
