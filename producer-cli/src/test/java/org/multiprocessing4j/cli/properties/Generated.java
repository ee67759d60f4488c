package org.multiprocessing4j.cli.properties;

import java.time.Duration;
import java.util.Random;
import java.util.function.Function;

/**
 * A small property harness on JUnit Jupiter: cases generated from a seed, bounded in count and in
 * time. The seed is printed; {@code -Dmp4j.seed=N} replays a run. A failure names the property,
 * the try, the seed and the generated case (cases are small, so they are shown whole rather than shrunk).
 */
final class Generated {
    static final long SEED = Long.getLong("mp4j.seed", System.nanoTime());

    private Generated() {
    }

    /** What a property checks about one case; any exception or AssertionError fails it. */
    @FunctionalInterface
    interface Check<T> {
        void accept(T value) throws Exception;
    }

    /**
     * Checks {@code property} on up to {@code tries} cases, stopping early (never before {@code minTries})
     * once {@code budget} is spent. Returns how many cases were tried.
     */
    static <T> int forAll(String property, int minTries, int tries, Duration budget, Function<Random, T> generator,
                          Check<T> check) {
        Random random = new Random(SEED ^ property.hashCode());
        long started = System.nanoTime();
        int tried = 0;
        while (tried < tries && (tried < minTries || System.nanoTime() - started < budget.toNanos())) {
            T value = generator.apply(random);
            tried++;
            try {
                check.accept(value);
            } catch (AssertionError | Exception e) {
                throw new AssertionError(property + " failed on try " + tried + " (replay: -Dmp4j.seed=" + SEED + ")\n"
                        + "case: " + value + "\n" + e.getMessage(), e);
            }
        }
        System.out.printf("property '%s': %d tries in %d ms (seed %d)%n", property, tried,
                (System.nanoTime() - started) / 1_000_000, SEED);
        return tried;
    }

    static <T> T oneOf(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static boolean chance(Random random, double p) {
        return random.nextDouble() < p;
    }
}
