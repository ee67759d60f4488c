/** JoinableQueue on the broker: items, unfinished-tokens, wake-ups for join. Internal: no compatibility promise. */
package org.multiprocessing4j.internal.joinable;
