# The secrets the Worker needs. Their values never pass through Terraform (its state would keep them):
# they are put with `wrangler secret put` from the operator's secret store, and rotated with
# infrastructure/scripts/rotate-signing-key.ts and rotate-stripe-webhook-secret.sh (docs/infrastructure.md).

output "names" {
  value = [
    "SIGNING_KEY",
    "SIGNING_KEY_PREVIOUS",
    "STRIPE_WEBHOOK_SECRET",
    "ADMIN_TOKEN",
  ]
}
