/**
 * The tutorial's functions as built-in tasks, under the tutorial's names, printing what the
 * tutorial's Python prints: {@code func}, {@code worker}, {@code run_proc}, {@code clock},
 * {@code work1}..{@code work3}, {@code write}, {@code read}, the {@code ClockProcess} subclass;
 * plus a few everyday ones ({@code noop}, {@code echo}, {@code sleep}, {@code square}, {@code fail}).
 */
package org.multiprocessing4j.worker.seed;
