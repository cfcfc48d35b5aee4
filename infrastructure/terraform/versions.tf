# The licensing service's infrastructure: one root module, one workspace per environment (dev, prod),
# each applied with env/<workspace>.tfvars. docs/infrastructure.md has the commands in order.
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    cloudflare = {
      source = "cloudflare/cloudflare"
      # Pinned exactly; .terraform.lock.hcl (committed after the first init) pins the checksums too.
      version = "5.19.1"
    }
  }

  # Remote state in an R2 bucket through the S3 protocol, one state file per workspace
  # (env:/<workspace>/licensing/terraform.tfstate). Nothing secret here: the account's R2 endpoint is
  # given at init (-backend-config), the credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
  backend "s3" {
    bucket                      = "atropos-terraform-state"
    key                         = "licensing/terraform.tfstate"
    region                      = "auto"
    use_lockfile                = true
    use_path_style              = true
    skip_credentials_validation = true
    skip_metadata_api_check     = true
    skip_region_validation      = true
    skip_requesting_account_id  = true
    skip_s3_checksum            = true
  }
}

# The API token comes from CLOUDFLARE_API_TOKEN, never from a file in the repository.
provider "cloudflare" {}
