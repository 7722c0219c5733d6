package dev.slipway.worker.nvr;

import dev.slipway.common.image.Nvr;

/**
 * Port for Koji's NVR reservation (CGInitBuild) and refund (CGRefundBuild): a daemon build reserves its NVR with
 * the hub before it builds and gives it back when it does not complete. Standalone builds reserve nothing.
 */
public interface NvrReservations {
    /** Reserves nothing; every NVR is free. */
    NvrReservations NONE = new NvrReservations() {
        @Override
        public Reservation reserve(Nvr nvr) {
            return new Reservation(nvr, -1);
        }

        @Override
        public void refund(Reservation reservation, boolean canceled) {
            // Nothing was reserved.
        }
    };

    /**
     * Reserves {@code nvr} for this build.
     *
     * @throws dev.slipway.common.error.SlipwayException NVR_RESERVED or NVR_EXISTS when someone else holds it
     */
    Reservation reserve(Nvr nvr);

    /** Gives a reservation back; the build record becomes CANCELED or FAILED and its NVR reusable. */
    void refund(Reservation reservation, boolean canceled);

    /** A reserved NVR and the build record that holds it. */
    record Reservation(Nvr nvr, long buildId) {
    }
}
