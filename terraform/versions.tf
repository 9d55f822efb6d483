# Terraform and provider versions, pinned exactly so every run (laptop or CI) plans
# with the same provider code. Upgrade deliberately: change the pin, run `terraform init -upgrade`.
terraform {
  required_version = ">= 1.9.0"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "2.36.0"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "3.0.2"
    }
    github = {
      source  = "integrations/github"
      version = "6.6.0"
    }
  }
}
