/** Python's {@code multiprocessing.Pipe}: two connected ends that work across machines. */
package org.multiprocessing4j.pipe;
