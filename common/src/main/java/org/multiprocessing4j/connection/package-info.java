/** Where the broker is and how to talk to it: {@link org.multiprocessing4j.connection.BrokerSettings}. */
package org.multiprocessing4j.connection;
