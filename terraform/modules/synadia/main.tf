# What a Synadia Cloud deployment needs on the cluster side (no NATS servers): the
# controller's creds in a Secret, and its connection settings in a ConfigMap.

locals {
  labels = {
    "app.kubernetes.io/part-of"   = "natsgh"
    "app.kubernetes.io/component" = "synadia"
  }
}

resource "kubernetes_secret_v1" "creds" {
  metadata {
    name      = "${var.name}-creds"
    namespace = var.namespace
    labels    = local.labels
  }

  type = "Opaque"

  data = {
    "nats.creds" = var.creds
  }
}

resource "kubernetes_config_map_v1" "connection" {
  metadata {
    name      = "${var.name}-connection"
    namespace = var.namespace
    labels    = local.labels
  }

  data = {
    NATS_URL          = var.url
    NATS_CREDS_SECRET = kubernetes_secret_v1.creds.metadata[0].name
  }
}
