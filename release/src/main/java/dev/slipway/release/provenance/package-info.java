/**
 * Build provenance and promotion attestations: in-toto Statements v1 (SLSA Provenance v1 for builds, a Slipway
 * promotion predicate for promotions) signed into DSSE envelopes with an ECDSA P-256 key.
 *
 * <p>Entry points: {@link dev.slipway.release.provenance.AttestationSigner} takes the plain records
 * {@link dev.slipway.release.provenance.BuildProvenanceInput} and
 * {@link dev.slipway.release.provenance.PromotionRecord}; {@link dev.slipway.release.provenance.AttestationVerifier}
 * checks envelopes. Package dependencies: {@code release.provenance -> release.signing (EC keys), common}.
 *
 * @see <a href="https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md">in-toto Statement v1</a>
 * @see <a href="https://slsa.dev/spec/v1.0/provenance">SLSA Provenance v1</a>
 * @see <a href="https://github.com/secure-systems-lab/dsse/blob/master/protocol.md">DSSE protocol</a>
 */
package dev.slipway.release.provenance;
