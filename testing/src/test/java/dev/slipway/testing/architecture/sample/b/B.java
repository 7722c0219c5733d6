package dev.slipway.testing.architecture.sample.b;

/** A class the graph test's sample package a refers to. */
public final class B {
}
