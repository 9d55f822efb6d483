# Metrics for self-hosted NATS: one prometheus-nats-exporter per server (each exporter
# reads one server's /varz, /connz, /routez, /jsz), a Service and ServiceMonitor over them,
# and a Grafana dashboard shipped as a ConfigMap the Grafana sidecar picks up.

locals {
  exporter_labels = {
    "app.kubernetes.io/name"      = "nats-exporter"
    "app.kubernetes.io/instance"  = var.name
    "app.kubernetes.io/part-of"   = "natsgh"
    "app.kubernetes.io/component" = "metrics"
  }
  dashboard_namespace = var.dashboard_namespace == "" ? var.namespace : var.dashboard_namespace
}

resource "kubernetes_deployment_v1" "exporter" {
  for_each = var.servers

  metadata {
    name      = "${each.key}-exporter"
    namespace = var.namespace
    labels    = merge(local.exporter_labels, { "natsgh.io/server" = each.key })
  }

  spec {
    replicas = 1

    selector {
      match_labels = merge(local.exporter_labels, { "natsgh.io/server" = each.key })
    }

    template {
      metadata {
        labels = merge(local.exporter_labels, { "natsgh.io/server" = each.key })
      }

      spec {
        container {
          name  = "exporter"
          image = var.exporter_image
          args  = ["-port=7777", "-varz", "-connz", "-routez", "-subz", "-jsz=all", "-serverz", each.value]

          port {
            name           = "metrics"
            container_port = 7777
          }

          readiness_probe {
            http_get {
              path = "/metrics"
              port = "metrics"
            }
            period_seconds = 15
          }

          resources {
            requests = { cpu = "10m", memory = "32Mi" }
            limits   = { memory = "128Mi" }
          }
        }
      }
    }
  }
}

resource "kubernetes_service_v1" "exporter" {
  metadata {
    name      = "${var.name}-exporter"
    namespace = var.namespace
    labels    = local.exporter_labels
  }

  spec {
    selector = local.exporter_labels

    port {
      name        = "metrics"
      port        = 7777
      target_port = "metrics"
    }
  }
}

resource "kubernetes_manifest" "service_monitor" {
  count = var.service_monitor ? 1 : 0

  manifest = {
    apiVersion = "monitoring.coreos.com/v1"
    kind       = "ServiceMonitor"
    metadata = {
      name      = "${var.name}-exporter"
      namespace = var.namespace
      labels    = local.exporter_labels
    }
    spec = {
      selector = { matchLabels = local.exporter_labels }
      endpoints = [{
        port     = "metrics"
        path     = "/metrics"
        interval = var.scrape_interval
      }]
    }
  }
}

resource "kubernetes_config_map_v1" "dashboard" {
  metadata {
    name      = "${var.name}-nats-dashboard"
    namespace = local.dashboard_namespace
    labels    = merge(local.exporter_labels, { grafana_dashboard = "1" })
  }

  data = {
    "${var.name}-nats.json" = jsonencode(local.dashboard)
  }
}
