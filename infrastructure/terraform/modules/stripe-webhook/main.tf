# The Stripe webhook endpoint: its URL and the events the Worker handles (worker/src/stripe-events.ts;
# worker/test/infrastructure.test.ts checks they agree). No Stripe provider: the endpoint is registered
# once per environment in Stripe (docs/infrastructure.md), and its signing secret goes to the Worker
# with wrangler secret put.

variable "licensing_url" {
  type = string
}

output "endpoint" {
  value = {
    url = "${var.licensing_url}/stripe/webhook"
    events = [
      "checkout.session.completed",
      "customer.subscription.updated",
      "customer.subscription.deleted",
      "invoice.payment_failed",
    ]
  }
}
