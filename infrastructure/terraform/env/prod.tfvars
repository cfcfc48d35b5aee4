environment           = "prod"
wrangler_env          = "production"
zone_name             = "atropos-video.com"
api_hostname          = "api.atropos-video.com"
worker_name           = "license-api"
subscription_url      = "https://atropos.app/pricing"
default_max_devices   = 3
trials_per_ip_per_day = 3
