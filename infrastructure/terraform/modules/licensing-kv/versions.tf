terraform {
  required_providers {
    # Without this, Terraform would look for hashicorp/cloudflare; the version is pinned in the root module.
    cloudflare = {
      source = "cloudflare/cloudflare"
    }
  }
}
