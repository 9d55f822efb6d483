# What natsgh (and people) need after an apply: where NATS is and what was created.
# natsgh records the non-sensitive outputs in the terraform phase's checkpoint.

output "nats_type" {
  description = "The NATS type this state was applied with."
  value       = var.nats_type
}

output "nats_url" {
  description = "URL clients connect to: the in-cluster client Service for self-hosted types, Synadia Cloud for synadia."
  value       = local.nats_url
}

output "nats_server_urls" {
  description = "Per-server URLs through the headless Service (self-hosted types); empty for synadia."
  value       = local.runs_servers ? module.nats_cluster[0].server_urls : []
}

output "leafnode_hub_url" {
  description = "Hub the leaf node connects to (hybrid); empty otherwise."
  value       = var.nats_type == "hybrid" ? var.synadia_url : ""
}

output "namespace" {
  description = "Kubernetes namespace of the NATS resources."
  value       = local.namespace
}

output "creds_secret_name" {
  description = "Secret holding nats.creds for the controller (synadia, hybrid); empty otherwise."
  value       = local.uses_synadia ? module.synadia[0].creds_secret_name : ""
}

output "metrics_url" {
  description = "In-cluster URL of the NATS exporters' metrics; empty without monitoring."
  value       = length(module.monitoring) > 0 ? module.monitoring[0].metrics_url : ""
}

output "backup_destination" {
  description = "Object storage location of the backups; empty without backups."
  value       = length(module.backup) > 0 ? module.backup[0].destination : ""
}

output "github_repository" {
  description = "The .github repository natsgh manages; empty without the github module."
  value       = length(module.github) > 0 ? module.github[0].repository : ""
}
