/**
 * The benchmark: {@link org.multiprocessing4j.bench.Bench} runs every role as its own JVM
 * (workers, baseline responders, clients), interleaves baseline and project rounds on the same
 * broker, and reports medians and ratios.
 */
package org.multiprocessing4j.bench;
