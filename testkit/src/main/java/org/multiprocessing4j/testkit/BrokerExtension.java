package org.multiprocessing4j.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class a {@link TestBroker} (one per class, shared by its methods) and cleans its
 * namespace when the class is done. Fails, never skips, when no broker can be found.
 */
public final class BrokerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(BrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        try {
            return classContext.getStore(STORE).computeIfAbsent(testClass.getName(),
                    key -> new CleanedUp(TestBroker.forClass(testClass)), CleanedUp.class).broker;
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    /** Stored in the class-level store: JUnit closes it when the class is done. */
    private record CleanedUp(TestBroker broker) implements AutoCloseable {
        @Override
        public void close() {
            broker.cleanUp();
        }
    }
}
