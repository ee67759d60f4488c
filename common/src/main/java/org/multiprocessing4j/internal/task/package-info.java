/** Internal plumbing of the task SPI. No compatibility promise. */
package org.multiprocessing4j.internal.task;
