# The licences' KV namespace (binding LICENSES): licence records, Stripe subscription and event markers,
# checkout keys. Seats, rate counters and trials live in Durable Objects (../durable-objects).

variable "account_id" {
  type = string
}

variable "worker_name" {
  type = string
}

variable "environment" {
  description = "The workspace the caller's tfvars are for; applying them in another workspace is refused."
  type        = string
}

resource "cloudflare_workers_kv_namespace" "licenses" {
  account_id = var.account_id
  title      = "${var.worker_name}-LICENSES"

  lifecycle {
    # Production's namespace holds every customer's licence: never destroyed by a plan.
    prevent_destroy = true
    precondition {
      condition     = terraform.workspace == var.environment
      error_message = "These values are for the ${var.environment} workspace, but the selected workspace is ${terraform.workspace}: run terraform workspace select ${var.environment}."
    }
  }
}

output "binding" {
  value = "LICENSES"
}

output "id" {
  value = cloudflare_workers_kv_namespace.licenses.id
}
