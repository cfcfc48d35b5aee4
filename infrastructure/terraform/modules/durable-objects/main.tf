# The Worker's Durable Object namespaces. Cloudflare creates a namespace when a Worker that exports the
# class is uploaded with a migration naming it, so this module holds no resource: it is the one list
# of bindings and migrations that wrangler.toml is rendered from (worker/src/durable/bindings.ts must
# match it; worker/test/infrastructure.test.ts checks). Migrations are append-only: never edit a tag
# that has been deployed, add the next one.

output "bindings" {
  value = [
    { name = "LICENSE_SEATS", class_name = "LicenseSeats" },
    { name = "REQUEST_COUNTERS", class_name = "RequestCounter" },
    { name = "DEVICE_TRIALS", class_name = "DeviceTrial" },
  ]
}

output "migrations" {
  value = [
    { tag = "v1", new_sqlite_classes = ["LicenseSeats", "RequestCounter", "DeviceTrial"] },
  ]
}
