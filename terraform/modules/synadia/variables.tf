# Inputs of the synadia module: the Synadia Cloud URL and the credentials the controller uses.

variable "name" {
  type        = string
  description = "Name of the creds Secret and connection ConfigMap."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,50}[a-z0-9])?$", var.name))
    error_message = "name must be a DNS label of at most 52 characters."
  }
}

variable "namespace" {
  type        = string
  description = "Namespace of the natsgh controller."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "url" {
  type        = string
  description = "Synadia Cloud URL (e.g. tls://connect.ngs.global)."

  validation {
    condition     = can(regex("^(nats|tls|wss?)://", var.url))
    error_message = "url must be a nats://, tls://, ws:// or wss:// URL."
  }
}

variable "creds" {
  type        = string
  description = "Contents of the .creds file: a user JWT and an NKey seed."
  sensitive   = true

  validation {
    condition     = strcontains(var.creds, "BEGIN NATS USER JWT") && strcontains(var.creds, "BEGIN USER NKEY SEED")
    error_message = "creds must be the contents of a .creds file."
  }
}
