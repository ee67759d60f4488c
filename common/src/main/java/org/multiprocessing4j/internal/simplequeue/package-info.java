/** SimpleQueue over the Queue machinery. Internal: no compatibility promise. */
package org.multiprocessing4j.internal.simplequeue;
