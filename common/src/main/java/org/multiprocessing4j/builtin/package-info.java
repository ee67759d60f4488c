/** Typed declarations of the tasks every worker has: {@link org.multiprocessing4j.builtin.BuiltInTasks}. */
package org.multiprocessing4j.builtin;
