package org.multiprocessing4j.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to a real broker. Methods (and {@code @BeforeAll}) can take a
 * {@link TestBroker} parameter: the broker's URI and a namespace of the class's own, whose queues
 * and exchanges are deleted after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrokerExtension.class)
public @interface BrokerTest {
}
