/**
 * What can run here (the catalog of registered tasks) and how each kind of job runs: a call, a
 * chunk of calls, a Process class. Arguments are bound as Python binds them and converted when read.
 */
package org.multiprocessing4j.worker.internal.runners;
