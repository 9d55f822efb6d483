# Inputs of the backup module: what NATS to back up, where to, how often and for how long.

variable "name" {
  type        = string
  description = "Name of the CronJob."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$", var.name))
    error_message = "name must be a DNS label of at most 42 characters."
  }
}

variable "namespace" {
  type        = string
  description = "Namespace the CronJob runs in."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label."
  }
}

variable "nats_url" {
  type        = string
  description = "NATS URL the backup connects to."

  validation {
    condition     = can(regex("^(nats|tls|wss?)://", var.nats_url))
    error_message = "nats_url must be a nats://, tls://, ws:// or wss:// URL."
  }
}

variable "nats_creds_secret" {
  type        = string
  description = "Secret with the key nats.creds used to connect (Synadia or operator mode); empty connects without credentials."
  default     = ""
}

variable "schedule" {
  type        = string
  description = "Cron schedule (five fields, UTC)."
  default     = "17 3 * * *"

  validation {
    condition     = length(split(" ", trimspace(var.schedule))) == 5
    error_message = "schedule must be a five-field cron expression."
  }
}

variable "storage" {
  type        = string
  description = "Object storage: s3 or gcs."

  validation {
    condition     = contains(["s3", "gcs"], var.storage)
    error_message = "storage must be s3 or gcs."
  }
}

variable "bucket" {
  type        = string
  description = "Bucket that receives the backups."

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket))
    error_message = "bucket must be a valid S3/GCS bucket name."
  }
}

variable "prefix" {
  type        = string
  description = "Object prefix under which each run writes a timestamped directory."
  default     = "natsgh-backups"

  validation {
    condition     = can(regex("^[A-Za-z0-9._/-]+$", var.prefix)) && !startswith(var.prefix, "/")
    error_message = "prefix may contain letters, digits, '.', '_', '-' and '/', and must not start with '/'."
  }
}

variable "s3_region" {
  type        = string
  description = "AWS region of the S3 bucket (storage = s3)."
  default     = "us-east-1"
}

variable "retention_days" {
  type        = number
  description = "Backups older than this many days are deleted after each successful upload."

  validation {
    condition     = var.retention_days >= 1 && floor(var.retention_days) == var.retention_days
    error_message = "retention_days must be a whole number of days, at least 1."
  }
}

variable "credentials_secret" {
  type        = string
  description = "Secret whose keys become the upload container's environment (cloud credentials); empty relies on workload identity."
  default     = ""
}

variable "nats_box_image" {
  type        = string
  description = "Image with the nats CLI."
  default     = "natsio/nats-box:0.16.0"
}

variable "rclone_image" {
  type        = string
  description = "Image with rclone, which uploads to S3 or GCS and enforces retention."
  default     = "rclone/rclone:1.69.1"
}
