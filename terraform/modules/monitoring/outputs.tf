# Where the metrics can be scraped and which dashboard was installed.

output "metrics_url" {
  description = "In-cluster URL of the exporters' Service (Prometheus text format)."
  value       = "http://${kubernetes_service_v1.exporter.metadata[0].name}.${var.namespace}.svc:7777/metrics"
}

output "dashboard_config_map" {
  description = "Namespace/name of the Grafana dashboard ConfigMap."
  value       = "${kubernetes_config_map_v1.dashboard.metadata[0].namespace}/${kubernetes_config_map_v1.dashboard.metadata[0].name}"
}
