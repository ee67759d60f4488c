/** Taking one message and holding it unacknowledged, for JoinableQueue and Pipe. Internal: no compatibility promise. */
package org.multiprocessing4j.internal.taking;
