# Inputs of the natsgh root module. `nats_type` selects what is created; every other
# variable configures one part and is ignored (never half-applied) when that part is not selected.

variable "nats_type" {
  type        = string
  description = "Which NATS to stand up: self_hosted (one server), self_hosted_cluster (N servers, JetStream R3), synadia (Synadia Cloud, no servers), hybrid (a leaf node connected to Synadia)."

  validation {
    condition     = contains(["self_hosted", "self_hosted_cluster", "synadia", "hybrid"], var.nats_type)
    error_message = "nats_type must be one of: self_hosted, self_hosted_cluster, synadia, hybrid."
  }
}

variable "deployment" {
  type        = string
  description = "natsgh deployment name; used in resource names and labels."
  default     = "natsgh"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$", var.deployment))
    error_message = "deployment must be a DNS label of at most 32 characters (lowercase letters, digits, '-')."
  }
}

variable "namespace" {
  type        = string
  description = "Kubernetes namespace for NATS, monitoring, backups and the creds Secret."
  default     = "natsgh"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label (lowercase letters, digits, '-', at most 63 characters)."
  }
}

variable "create_namespace" {
  type        = bool
  description = "Create the namespace (false when it already exists)."
  default     = true
}

variable "kubeconfig_path" {
  type        = string
  description = "Path of the kubeconfig file; empty uses the provider defaults (KUBE_CONFIG_PATH or in-cluster)."
  default     = ""
}

variable "kube_context" {
  type        = string
  description = "kubeconfig context to use; empty uses the current context."
  default     = ""
}

# --- self-hosted NATS (self_hosted, self_hosted_cluster, hybrid) ---

variable "cluster_replicas" {
  type        = number
  description = "Number of NATS servers for self_hosted_cluster (odd, at least 3, for JetStream R3 quorum)."
  default     = 3

  validation {
    condition     = var.cluster_replicas >= 3 && var.cluster_replicas % 2 == 1 && var.cluster_replicas <= 9
    error_message = "cluster_replicas must be an odd number between 3 and 9."
  }
}

variable "nats_chart_version" {
  type        = string
  description = "Version of the official nats Helm chart (https://nats-io.github.io/k8s/helm/charts)."
  default     = "1.3.16"

  validation {
    condition     = can(regex("^\\d+\\.\\d+\\.\\d+$", var.nats_chart_version))
    error_message = "nats_chart_version must be an exact version such as 1.3.16."
  }
}

variable "service_type" {
  type        = string
  description = "Type of the client Service: ClusterIP (in-cluster clients) or LoadBalancer (clients outside the cluster)."
  default     = "ClusterIP"

  validation {
    condition     = contains(["ClusterIP", "LoadBalancer"], var.service_type)
    error_message = "service_type must be ClusterIP or LoadBalancer."
  }
}

variable "jetstream_storage_size" {
  type        = string
  description = "Size of each server's JetStream PersistentVolumeClaim (Kubernetes quantity, e.g. 10Gi)."
  default     = "10Gi"

  validation {
    condition     = can(regex("^[0-9]+(Mi|Gi|Ti)$", var.jetstream_storage_size))
    error_message = "jetstream_storage_size must be a quantity in Mi, Gi or Ti, e.g. 10Gi."
  }
}

variable "storage_class" {
  type        = string
  description = "StorageClass of the JetStream PVCs; empty uses the cluster default."
  default     = ""
}

variable "jetstream_domain" {
  type        = string
  description = "JetStream domain of the servers (required to tell a hybrid leaf node's JetStream apart from the hub's); empty for none."
  default     = ""

  validation {
    condition     = var.jetstream_domain == "" || can(regex("^[A-Za-z0-9_-]+$", var.jetstream_domain))
    error_message = "jetstream_domain may contain only letters, digits, '_' and '-'."
  }
}

variable "tls_secret_name" {
  type        = string
  description = "Name of a kubernetes.io/tls Secret (tls.crt, tls.key, ca.crt) in the namespace for client TLS; empty disables TLS."
  default     = ""
}

# --- Synadia Cloud (synadia, hybrid) ---

variable "synadia_url" {
  type        = string
  description = "Synadia Cloud (or hub) URL: clients connect to it (synadia), the leaf node connects to its leafnode port (hybrid)."
  default     = "tls://connect.ngs.global"

  validation {
    condition     = can(regex("^(nats|tls|wss?)://[^\\s]+$", var.synadia_url))
    error_message = "synadia_url must be a nats://, tls://, ws:// or wss:// URL."
  }
}

variable "synadia_creds" {
  type        = string
  description = "Contents of the Synadia .creds file (user JWT and NKey seed); required for synadia and hybrid."
  default     = ""
  sensitive   = true

  validation {
    condition     = var.synadia_creds == "" || (strcontains(var.synadia_creds, "BEGIN NATS USER JWT") && strcontains(var.synadia_creds, "BEGIN USER NKEY SEED"))
    error_message = "synadia_creds must be the contents of a .creds file (a user JWT and an NKey seed block)."
  }

  validation {
    condition     = !contains(["synadia", "hybrid"], var.nats_type) || var.synadia_creds != ""
    error_message = "synadia_creds is required when nats_type is synadia or hybrid."
  }
}

# --- monitoring ---

variable "monitoring_enabled" {
  type        = bool
  description = "Deploy the Prometheus NATS exporter, its ServiceMonitor and the Grafana dashboard (self-hosted types only)."
  default     = true
}

variable "prometheus_operator" {
  type        = bool
  description = "The cluster runs the Prometheus Operator (its ServiceMonitor CRD must exist before plan)."
  default     = true
}

variable "grafana_dashboard_namespace" {
  type        = string
  description = "Namespace the Grafana dashboard sidecar watches; empty uses the NATS namespace."
  default     = ""
}

# --- backup ---

variable "backup_enabled" {
  type        = bool
  description = "Back up JetStream streams and KV buckets to object storage on a schedule."
  default     = false
}

variable "backup_schedule" {
  type        = string
  description = "Cron schedule of the backup job (five fields, UTC)."
  default     = "17 3 * * *"

  validation {
    condition     = length(split(" ", trimspace(var.backup_schedule))) == 5
    error_message = "backup_schedule must be a five-field cron expression, e.g. \"17 3 * * *\"."
  }
}

variable "backup_storage" {
  type        = string
  description = "Object storage for backups: s3 or gcs."
  default     = "s3"

  validation {
    condition     = contains(["s3", "gcs"], var.backup_storage)
    error_message = "backup_storage must be s3 or gcs."
  }
}

variable "backup_bucket" {
  type        = string
  description = "Bucket that receives the backups (required when backup_enabled)."
  default     = ""

  validation {
    condition     = var.backup_bucket == "" || can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.backup_bucket))
    error_message = "backup_bucket must be a valid S3/GCS bucket name."
  }

  validation {
    condition     = !var.backup_enabled || var.backup_bucket != ""
    error_message = "backup_bucket is required when backup_enabled is true."
  }
}

variable "backup_retention_days" {
  type        = number
  description = "Backups older than this many days are deleted by the backup job."
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 1 && floor(var.backup_retention_days) == var.backup_retention_days
    error_message = "backup_retention_days must be a whole number of days, at least 1."
  }
}

variable "backup_credentials_secret" {
  type        = string
  description = "Secret in the namespace whose keys become the backup job's environment (e.g. AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, or a GCS service account); empty relies on workload identity."
  default     = ""
}

# --- GitHub ---

variable "github_enabled" {
  type        = bool
  description = "Manage the organization webhook, the .github repository and its Actions secrets (needs GITHUB_TOKEN with admin:org_hook and repo)."
  default     = false
}

variable "github_owner" {
  type        = string
  description = "GitHub organization that natsgh automates (required when github_enabled)."
  default     = ""

  validation {
    condition     = var.github_owner == "" || can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,37}[A-Za-z0-9])?$", var.github_owner))
    error_message = "github_owner must be a GitHub organization login."
  }

  validation {
    condition     = !var.github_enabled || var.github_owner != ""
    error_message = "github_owner is required when github_enabled is true."
  }
}

variable "github_webhook_url" {
  type        = string
  description = "Public HTTPS URL of `natsgh webhook serve`; empty creates no org webhook (events then arrive through Actions)."
  default     = ""

  validation {
    condition     = var.github_webhook_url == "" || can(regex("^https://", var.github_webhook_url))
    error_message = "github_webhook_url must be an https:// URL."
  }
}

variable "github_webhook_secret" {
  type        = string
  description = "Shared secret GitHub signs webhook deliveries with (X-Hub-Signature-256); required with github_webhook_url."
  default     = ""
  sensitive   = true

  validation {
    condition     = var.github_webhook_secret == "" || length(var.github_webhook_secret) >= 20
    error_message = "github_webhook_secret must be at least 20 characters."
  }
}

variable "github_manage_repository" {
  type        = bool
  description = "Create and manage the organization's .github repository (false when it exists and is managed elsewhere)."
  default     = true
}
