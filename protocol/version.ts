// The product's version, once: the CLI prints it, the render host reports it in /v1/health, and the
// licensing client sends it. It equals package.json's `version` (test: protocol/version.test.ts), which
// is what the marketplace shows for the .vsix.
export const PRODUCT_VERSION = '0.1.0';
