/** One delivered job and its state on this worker; what every stage of the pipeline shares. */
package org.multiprocessing4j.worker.internal.job;
