package dev.slipway.testing.registry;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link TestRegistry} parameter, sharing one registry per {@link AuthMode} across the whole test run:
 * it lives in JUnit's root store, which closes it (stopping the process) when the run ends, so suites do not start
 * dozens of registries. Tests sharing one should use their own repository names.
 *
 * <pre>{@code
 * @ExtendWith(TestRegistryExtension.class)
 * @UseRegistry(AuthMode.TOKEN)
 * class PushIT { @Test void push(TestRegistry registry) { ... } }
 * }</pre>
 */
public final class TestRegistryExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        AuthMode mode = parameter.findAnnotation(UseRegistry.class).map(UseRegistry::value)
                .or(() -> classMode(context))
                .orElse(AuthMode.OPEN);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(mode, TestRegistry::start, TestRegistry.class);
    }

    private static Optional<AuthMode> classMode(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            Optional<UseRegistry> annotation = current.get().getTestClass()
                    .map(c -> c.getAnnotation(UseRegistry.class));
            if (annotation.isPresent()) {
                return annotation.map(UseRegistry::value);
            }
            current = current.get().getParent();
        }
        return Optional.empty();
    }
}
