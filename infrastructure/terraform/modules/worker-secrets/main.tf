# The secrets the Worker reads (SIGNING_KEY before the first rotation; then the slots A/B and
# SIGNING_KEY_ACTIVE, see worker/src/signing.ts). Their values never pass through Terraform (its state would keep them):
# they are put with `wrangler secret put` from the operator's secret store, and rotated with
# infrastructure/scripts/rotate-signing-key.ts and rotate-stripe-webhook-secret.sh (docs/infrastructure.md).

output "names" {
  value = [
    "SIGNING_KEY",
    "SIGNING_KEY_PREVIOUS",
    "SIGNING_KEY_A",
    "SIGNING_KEY_B",
    "SIGNING_KEY_ACTIVE",
    "STRIPE_WEBHOOK_SECRET",
    "ADMIN_TOKEN",
  ]
}
