# The repository and webhook natsgh works with.

output "repository" {
  description = "Full name of the .github repository."
  value       = "${var.owner}/${local.repository}"
}

output "webhook_url" {
  description = "URL the organization webhook delivers to; empty when none was created."
  value       = var.webhook_url
}
