locals {
  # The Worker's plain vars, rendered into wrangler.toml's [env.<wrangler_env>.vars].
  worker_vars = {
    ENVIRONMENT           = var.wrangler_env
    SUBSCRIPTION_URL      = var.subscription_url
    DEFAULT_MAX_DEVICES   = tostring(var.default_max_devices)
    TRIALS_PER_IP_PER_DAY = tostring(var.trials_per_ip_per_day)
  }
}

module "licensing_kv" {
  source      = "./modules/licensing-kv"
  account_id  = var.cloudflare_account_id
  worker_name = var.worker_name
  environment = var.environment
}

module "worker_host" {
  source    = "./modules/worker-host"
  zone_name = var.zone_name
  hostname  = var.api_hostname
}

module "durable_objects" {
  source = "./modules/durable-objects"
}

module "worker_secrets" {
  source = "./modules/worker-secrets"
}

module "stripe_webhook" {
  source        = "./modules/stripe-webhook"
  licensing_url = module.worker_host.url
}
