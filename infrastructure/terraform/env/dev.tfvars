environment           = "dev"
wrangler_env          = "dev"
zone_name             = "atropos-video.com"
api_hostname          = "dev.api.atropos-video.com"
worker_name           = "license-api-dev"
subscription_url      = "https://dev.atropos.app/pricing"
default_max_devices   = 3
trials_per_ip_per_day = 3
