package dev.slipway.worker.dockerfile;

/**
 * The wording of a refusal where Slipway is deliberately stricter than the Docker Engine 20.10 builder, so an
 * author comparing with {@code docker build} learns that the difference is intended and why.
 */
final class Deliberately {
    private Deliberately() {
    }

    /**
     * "{@code problem}: the builder accepts this ({@code whatTheBuilderDoes}) but Slipway refuses it because
     * {@code because}".
     */
    static String refused(String problem, String whatTheBuilderDoes, String because) {
        return problem + ": the builder accepts this (" + whatTheBuilderDoes + ") but Slipway refuses it because "
                + because;
    }
}
