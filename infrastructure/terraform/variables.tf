variable "environment" {
  description = "The Terraform workspace these values are for: dev or prod. Applying them in another workspace is refused."
  type        = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "wrangler_env" {
  description = "The wrangler environment that deploys this Worker (wrangler deploy --env <wrangler_env>)."
  type        = string
}

variable "cloudflare_account_id" {
  description = "The Cloudflare account; from TF_VAR_cloudflare_account_id, not from a file in the repository."
  type        = string
}

variable "zone_name" {
  description = "The DNS zone the licensing hosts live in."
  type        = string
}

variable "api_hostname" {
  description = "The host the Worker serves; production's is the clients' default licensing URL (protocol/licensing.ts)."
  type        = string
}

variable "worker_name" {
  description = "The Worker script's name."
  type        = string
}

variable "subscription_url" {
  description = "Where a lapsed subscriber renews (the Worker's SUBSCRIPTION_URL)."
  type        = string
}

variable "default_max_devices" {
  description = "Seats of a new licence unless the checkout says otherwise (DEFAULT_MAX_DEVICES)."
  type        = number
}

variable "trials_per_ip_per_day" {
  description = "New trials one client address may start per UTC day (TRIALS_PER_IP_PER_DAY)."
  type        = number
}
