# Where the controller finds its connection settings.

output "url" {
  description = "Synadia Cloud URL."
  value       = var.url
}

output "creds_secret_name" {
  description = "Name of the Secret holding nats.creds."
  value       = kubernetes_secret_v1.creds.metadata[0].name
}
