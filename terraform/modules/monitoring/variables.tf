# Inputs of the monitoring module: which NATS servers to export metrics for and where.

variable "name" {
  type        = string
  description = "Name prefix of the exporter resources (the NATS release name)."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.name))
    error_message = "name must be a DNS label of at most 42 characters."
  }
}

variable "namespace" {
  type        = string
  description = "Namespace of the exporters and their Service (the NATS namespace)."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "servers" {
  type        = map(string)
  description = "HTTP monitoring URL (port 8222) of each NATS server, by server (pod) name; one exporter runs per server."

  validation {
    condition     = length(var.servers) > 0 && alltrue([for url in values(var.servers) : can(regex("^https?://", url))])
    error_message = "servers must map at least one server name to an http(s):// monitoring URL."
  }
}

variable "exporter_image" {
  type        = string
  description = "Image of the Prometheus NATS exporter."
  default     = "natsio/prometheus-nats-exporter:0.16.0"
}

variable "service_monitor" {
  type        = bool
  description = "Create a ServiceMonitor (needs the Prometheus Operator CRDs in the cluster)."
  default     = true
}

variable "scrape_interval" {
  type        = string
  description = "How often Prometheus scrapes the exporters (a Prometheus duration, e.g. 30s)."
  default     = "30s"

  validation {
    condition     = can(regex("^[0-9]+(s|m)$", var.scrape_interval))
    error_message = "scrape_interval must be a duration in seconds or minutes, e.g. 30s."
  }
}

variable "dashboard_namespace" {
  type        = string
  description = "Namespace of the Grafana dashboard ConfigMap (where the Grafana sidecar looks); empty uses namespace."
  default     = ""
}
