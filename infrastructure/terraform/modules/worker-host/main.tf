# The host the Worker serves: a proxied DNS record so the zone answers for it, and the route pattern
# wrangler attaches the Worker to. The route itself is created by `wrangler deploy` from the rendered
# wrangler.toml (Terraform and wrangler would otherwise both own it and undo each other).

variable "zone_name" {
  type = string
}

variable "hostname" {
  type = string
}

data "cloudflare_zone" "zone" {
  filter = {
    name = var.zone_name
  }
}

# Traffic for a route-only host needs a proxied record; 100:: is the documented discard address.
resource "cloudflare_dns_record" "api" {
  zone_id = data.cloudflare_zone.zone.zone_id
  name    = var.hostname
  type    = "AAAA"
  content = "100::"
  proxied = true
  ttl     = 1
  comment = "Licensing Worker (routes from wrangler deploy)"
}

output "route" {
  value = { pattern = "${var.hostname}/*", zone_name = var.zone_name }
}

output "url" {
  value = "https://${var.hostname}"
}
