/** Release engineering: promotion by digest from reviewed manifests, signing, SBOMs, provenance and the publishing rules. */
package dev.slipway.release;
