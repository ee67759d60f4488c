/**
 * Test infrastructure: a real broker for every test ({@link org.multiprocessing4j.testkit.BrokerExtension}),
 * worker JVMs ({@link org.multiprocessing4j.testkit.ChildProcess}), and, for fault tests, private
 * broker nodes and a TCP proxy that can cut a link.
 */
package org.multiprocessing4j.testkit;
