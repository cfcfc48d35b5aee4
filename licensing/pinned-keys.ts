// The production licensing service's public Ed25519 signing keys (kid + x), pinned into the build.
// Only these verify an entitlement in a shipped build (key-trust.ts). Rotation (docs/licensing.md
// "Key rotation"): pin the new key in a release first, start signing with it once that release is out,
// and drop the old one a release after the longest token lifetime (7 days) has passed.
// RELEASE OWNER: paste the public JWK of SIGNING_KEY (and SIGNING_KEY_PREVIOUS while it signs) here,
// e.g. from `curl https://licensing.atropos.app/.well-known/jwks.json`; with none pinned a shipped
// build refuses every final render (esbuild.mjs --production warns).
import type { JWK } from 'jose';

export const PINNED_SIGNING_KEYS: readonly JWK[] = [];
