# Inputs of the github module: the organization's .github repository, webhook and Actions settings.

variable "owner" {
  type        = string
  description = "GitHub organization login."

  validation {
    condition     = can(regex("^[A-Za-z0-9]([A-Za-z0-9-]{0,37}[A-Za-z0-9])?$", var.owner))
    error_message = "owner must be a GitHub organization login."
  }
}

variable "manage_repository" {
  type        = bool
  description = "Create and manage the .github repository; false uses the existing one as it is."
  default     = true
}

variable "webhook_url" {
  type        = string
  description = "HTTPS URL of `natsgh webhook serve`; empty creates no organization webhook."
  default     = ""

  validation {
    condition     = var.webhook_url == "" || can(regex("^https://", var.webhook_url))
    error_message = "webhook_url must be an https:// URL."
  }
}

variable "webhook_secret" {
  type        = string
  description = "Secret GitHub signs deliveries with (X-Hub-Signature-256)."
  default     = ""
  sensitive   = true
}

variable "webhook_events" {
  type        = list(string)
  description = "Organization events delivered to natsgh."
  default     = ["push", "repository", "pull_request", "workflow_run", "create", "delete"]

  validation {
    condition     = length(var.webhook_events) > 0 && alltrue([for e in var.webhook_events : can(regex("^([a-z_]+|\\*)$", e))])
    error_message = "webhook_events must be a non-empty list of GitHub event names (or \"*\")."
  }
}

variable "nats_url" {
  type        = string
  description = "NATS URL the generated Actions workflows publish to (stored as the Actions variable NATSGH_NATS_URL); empty stores none."
  default     = ""
}

variable "nats_creds" {
  type        = string
  description = "Contents of the .creds file the Actions workflows use (stored as the Actions secret NATSGH_NATS_CREDS); empty stores none."
  default     = ""
  sensitive   = true
}
