/**
 * The {@code producer} command line: the tutorial's examples across machines, and the
 * everyday commands (submit, map, process, queue, workers, status). Every command is a
 * {@code Callable<Integer>}; errors become one clear line and an exit code (see {@link org.multiprocessing4j.cli.ExitCodes}).
 */
package org.multiprocessing4j.cli;
