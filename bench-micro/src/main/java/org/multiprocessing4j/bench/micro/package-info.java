/** JMH microbenchmarks of the wire codec, run by {@code scripts/bench --micro}. */
package org.multiprocessing4j.bench.micro;
