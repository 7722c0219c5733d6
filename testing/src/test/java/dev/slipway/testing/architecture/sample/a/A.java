package dev.slipway.testing.architecture.sample.a;

/** Uses sample.b only through a fully-qualified name, which the bytecode still records as a dependency. */
public final class A {
    @SuppressWarnings("unused")
    private dev.slipway.testing.architecture.sample.b.B b;
}
