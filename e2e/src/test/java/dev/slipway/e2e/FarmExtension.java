package dev.slipway.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the run-wide {@link FarmEnvironment} (three workers), started on first use and closed when the test run
 * ends, so FarmIT and FarmSoakIT share one farm's set-up. Each test leaves the farm as it found it: both hubs up
 * and counted UP by the balancer, every worker host enabled, connected and registered.
 */
public final class FarmExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FarmExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FarmEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("farm", key -> FarmEnvironment.start(3), FarmEnvironment.class);
    }
}
