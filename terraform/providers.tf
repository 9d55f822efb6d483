# Provider configuration. Kubernetes and Helm use a kubeconfig (or in-cluster
# credentials when none is given); the GitHub provider reads GITHUB_TOKEN from the environment.
provider "kubernetes" {
  config_path    = var.kubeconfig_path == "" ? null : var.kubeconfig_path
  config_context = var.kube_context == "" ? null : var.kube_context
}

provider "helm" {
  kubernetes = {
    config_path    = var.kubeconfig_path == "" ? null : var.kubeconfig_path
    config_context = var.kube_context == "" ? null : var.kube_context
  }
}

provider "github" {
  owner = var.github_owner == "" ? null : var.github_owner
}
