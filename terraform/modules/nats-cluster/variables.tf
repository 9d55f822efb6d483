# Inputs of the nats-cluster module: NATS servers on Kubernetes through the official Helm chart.

variable "name" {
  type        = string
  description = "Helm release name; also the client Service name and the prefix of pod and headless Service names."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.name))
    error_message = "name must be a DNS label of at most 42 characters."
  }
}

variable "namespace" {
  type        = string
  description = "Namespace the servers run in (must exist)."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "chart_version" {
  type        = string
  description = "Exact version of the nats chart."

  validation {
    condition     = can(regex("^\\d+\\.\\d+\\.\\d+$", var.chart_version))
    error_message = "chart_version must be an exact version such as 1.3.16."
  }
}

variable "replicas" {
  type        = number
  description = "Number of servers: 1 for a single server or a leaf node, an odd number >= 3 for a cluster (routes, JetStream R3)."

  validation {
    condition     = var.replicas == 1 || (var.replicas >= 3 && var.replicas % 2 == 1)
    error_message = "replicas must be 1, or an odd number of at least 3."
  }
}

variable "service_type" {
  type        = string
  description = "Type of the client Service: ClusterIP or LoadBalancer."
  default     = "ClusterIP"

  validation {
    condition     = contains(["ClusterIP", "LoadBalancer"], var.service_type)
    error_message = "service_type must be ClusterIP or LoadBalancer."
  }
}

variable "jetstream_storage_size" {
  type        = string
  description = "Size of each server's JetStream PVC."
  default     = "10Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi|Ti)$", var.jetstream_storage_size))
    error_message = "jetstream_storage_size must be a quantity in Mi, Gi or Ti."
  }
}

variable "storage_class" {
  type        = string
  description = "StorageClass of the JetStream PVCs; empty uses the cluster default."
  default     = ""
}

variable "jetstream_domain" {
  type        = string
  description = "JetStream domain; empty for none."
  default     = ""
}

variable "tls_secret_name" {
  type        = string
  description = "kubernetes.io/tls Secret (tls.crt, tls.key, ca.crt) for client connections; empty disables TLS."
  default     = ""
}

variable "leafnode_remote_url" {
  type        = string
  description = "Hub the servers connect to as a leaf node (hybrid); empty for none."
  default     = ""

  validation {
    condition     = var.leafnode_remote_url == "" || can(regex("^(nats|tls|wss?)://", var.leafnode_remote_url))
    error_message = "leafnode_remote_url must be a nats://, tls://, ws:// or wss:// URL."
  }
}

variable "leafnode_creds_secret" {
  type        = string
  description = "Secret holding the leaf node's credentials under the key nats.creds; required with leafnode_remote_url."
  default     = ""
}

variable "cluster_domain" {
  type        = string
  description = "Kubernetes cluster DNS domain."
  default     = "cluster.local"
}
