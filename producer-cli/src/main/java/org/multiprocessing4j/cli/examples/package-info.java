/**
 * Every example of the tutorial, in its order, written against this library the way the Python
 * is written against {@code multiprocessing}. Each prints the tutorial's lines: the parent's
 * from here, the children's from the workers that ran them.
 */
package org.multiprocessing4j.cli.examples;
