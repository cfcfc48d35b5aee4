// Binding name → exported class, for every Durable Object the Worker uses. wrangler.toml and the
// Terraform outputs (infrastructure/terraform) must list the same pairs; worker/test checks they do.
export const DURABLE_OBJECT_BINDINGS = {
  LICENSE_SEATS: 'LicenseSeats',
  REQUEST_COUNTERS: 'RequestCounter',
  DEVICE_TRIALS: 'DeviceTrial',
} as const;
