/**
 * The wire protocol: the messages producers and workers exchange, as small immutable records,
 * and the one codec that reads and writes them. docs/PROTOCOL.md is the human-readable
 * contract; the golden samples under common/src/test/resources/golden pin it.
 *
 * <p>Decoding never instantiates a class named by a message: the AMQP {@code type} property
 * selects one of a fixed set of records, and Jackson's default typing stays off.
 *
 * <p>Internal: no compatibility promise for the Java types; the wire format itself is versioned
 * by the {@code v} field of every message.
 */
package org.multiprocessing4j.internal.wire;
