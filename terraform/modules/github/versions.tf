# Providers this module uses; versions match the root module's exact pins.
terraform {
  required_providers {
    github = {
      source  = "integrations/github"
      version = "6.6.0"
    }
  }
}
