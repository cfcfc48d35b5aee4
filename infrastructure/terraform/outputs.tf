# Everything wrangler needs, read by infrastructure/scripts/render-wrangler-env.ts from
# `terraform output -json`: no ID is written by hand anywhere else.

output "wrangler_env" {
  description = "wrangler deploy --env <this>"
  value       = var.wrangler_env
}

output "worker_name" {
  value = var.worker_name
}

output "routes" {
  description = "The Worker's routes (pattern and zone)."
  value       = [module.worker_host.route]
}

output "licensing_url" {
  description = "The Worker's base URL; production's is the clients' default."
  value       = module.worker_host.url
}

output "kv_namespaces" {
  description = "KV binding name → namespace ID."
  value       = { (module.licensing_kv.binding) = module.licensing_kv.id }
}

output "durable_objects" {
  description = "Durable Object binding name → class; wrangler creates the namespaces from the migrations."
  value       = module.durable_objects.bindings
}

output "durable_object_migrations" {
  value = module.durable_objects.migrations
}

output "vars" {
  description = "The Worker's plain vars."
  value       = local.worker_vars
}

output "secret_names" {
  description = "Secrets the Worker needs, put with wrangler secret put (values never pass through Terraform)."
  value       = module.worker_secrets.names
}

output "stripe_webhook" {
  description = "The endpoint to register in Stripe and the events it must send."
  value       = module.stripe_webhook.endpoint
}
