/**
 * The path of one job through the worker (decode, admit, resolve, announce, execute through the
 * hooks, settle), the jobs in hand, and the stop requests applied to them.
 */
package org.multiprocessing4j.worker.internal.pipeline;
