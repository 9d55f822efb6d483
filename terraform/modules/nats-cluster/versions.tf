# Providers this module uses; versions match the root module's exact pins.
terraform {
  required_providers {
    helm = {
      source  = "hashicorp/helm"
      version = "3.0.2"
    }
  }
}
