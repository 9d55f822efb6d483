# The Grafana dashboard: per-server connections, message and byte rates, slow consumers,
# routes and memory, from the exporter's gnatsd_* series.

locals {
  dashboard_panels = [
    { title = "Client connections", expr = "sum by (server_id) (gnatsd_varz_connections)", unit = "short" },
    { title = "Messages in / s", expr = "sum by (server_id) (rate(gnatsd_varz_in_msgs[5m]))", unit = "ops" },
    { title = "Messages out / s", expr = "sum by (server_id) (rate(gnatsd_varz_out_msgs[5m]))", unit = "ops" },
    { title = "Bytes in / s", expr = "sum by (server_id) (rate(gnatsd_varz_in_bytes[5m]))", unit = "Bps" },
    { title = "Slow consumers", expr = "sum by (server_id) (gnatsd_varz_slow_consumers)", unit = "short" },
    { title = "Routes", expr = "sum by (server_id) (gnatsd_routez_num_routes)", unit = "short" },
    { title = "Memory", expr = "sum by (server_id) (gnatsd_varz_mem)", unit = "bytes" },
    { title = "Subscriptions", expr = "sum by (server_id) (gnatsd_varz_subscriptions)", unit = "short" },
  ]

  dashboard = {
    title         = "NATS (${var.name})"
    uid           = substr("natsgh-${var.name}", 0, 40)
    schemaVersion = 39
    refresh       = "30s"
    time          = { from = "now-6h", to = "now" }
    tags          = ["nats", "natsgh"]
    panels = [
      for i, p in local.dashboard_panels : {
        id         = i + 1
        type       = "timeseries"
        title      = p.title
        gridPos    = { h = 8, w = 12, x = (i % 2) * 12, y = floor(i / 2) * 8 }
        datasource = { type = "prometheus", uid = "$${datasource}" }
        fieldConfig = {
          defaults  = { unit = p.unit }
          overrides = []
        }
        targets = [{ refId = "A", expr = p.expr, legendFormat = "{{server_id}}" }]
      }
    ]
    templating = {
      list = [{ name = "datasource", type = "datasource", query = "prometheus", label = "Prometheus" }]
    }
  }
}
