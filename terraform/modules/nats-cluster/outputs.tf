# What other modules and the root outputs need: client URLs and per-server monitoring endpoints.

output "client_url" {
  description = "URL of the client Service (load-balanced over all servers)."
  value       = "${local.scheme}://${helm_release.nats.name}.${var.namespace}.svc.${var.cluster_domain}:4222"
}

output "server_urls" {
  description = "Client URL of each server through the headless Service, for seed lists."
  value = [
    for i in range(var.replicas) :
    "${local.scheme}://${helm_release.nats.name}-${i}.${helm_release.nats.name}-headless.${var.namespace}.svc.${var.cluster_domain}:4222"
  ]
}

output "monitor_urls" {
  description = "HTTP monitoring endpoint (port 8222) of each server, by pod name."
  value = {
    for i in range(var.replicas) :
    "${helm_release.nats.name}-${i}" => "http://${helm_release.nats.name}-${i}.${helm_release.nats.name}-headless.${var.namespace}.svc.${var.cluster_domain}:8222"
  }
}

output "release_name" {
  description = "Helm release name."
  value       = helm_release.nats.name
}
