package dev.slipway.testing.registry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the {@link AuthMode} of the {@link TestRegistry} that {@link TestRegistryExtension} injects, on a
 * parameter or on the test class (parameter wins; default {@link AuthMode#OPEN}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PARAMETER})
@Inherited
public @interface UseRegistry {
    AuthMode value();
}
