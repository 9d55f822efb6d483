# NATS servers on Kubernetes via the official nats Helm chart: a StatefulSet with a
# headless Service for discovery and routes, a client Service, JetStream PVCs, optional TLS and leaf node.

locals {
  clustered = var.replicas > 1
  leafnode  = var.leafnode_remote_url != ""
  tls       = var.tls_secret_name != ""
  scheme    = local.tls ? "tls" : "nats"

  creds_dir = "/etc/nats-leafnode-creds"

  pod_labels = {
    "app.kubernetes.io/name"     = "nats"
    "app.kubernetes.io/instance" = var.name
  }

  # Servers of one cluster on different nodes: losing a node costs one JetStream replica, not quorum.
  anti_affinity = {
    podAntiAffinity = {
      requiredDuringSchedulingIgnoredDuringExecution = [{
        topologyKey   = "kubernetes.io/hostname"
        labelSelector = { matchLabels = local.pod_labels }
      }]
    }
  }

  # One values document per concern; Helm merges them in order, so an unselected concern adds nothing.
  base_values = {
    config = {
      cluster = {
        enabled  = local.clustered
        replicas = var.replicas
      }
      jetstream = {
        enabled = true
        fileStore = {
          enabled = true
          pvc = {
            enabled          = true
            size             = var.jetstream_storage_size
            storageClassName = var.storage_class == "" ? null : var.storage_class
          }
        }
      }
      monitor = { enabled = true, port = 8222 }
      nats    = { port = 4222 }
    }
    service = { merge = { spec = { type = var.service_type } } }
    # The monitoring module runs the exporter; natsgh's own tooling replaces nats-box.
    promExporter = { enabled = false }
    natsBox      = { enabled = false }
  }

  tls_values = {
    config = { nats = { tls = { enabled = true, secretName = var.tls_secret_name } } }
  }

  domain_values = {
    config = { jetstream = { merge = { domain = var.jetstream_domain } } }
  }

  cluster_values = {
    podTemplate = { merge = { spec = { affinity = local.anti_affinity } } }
  }

  leafnode_values = {
    config = {
      leafnodes = {
        enabled = true
        merge = {
          remotes = [{ urls = [var.leafnode_remote_url], credentials = "${local.creds_dir}/nats.creds" }]
        }
      }
    }
    podTemplate = {
      merge = { spec = { volumes = [{ name = "leafnode-creds", secret = { secretName = var.leafnode_creds_secret } }] } }
    }
    container = {
      merge = { volumeMounts = [{ name = "leafnode-creds", mountPath = local.creds_dir, readOnly = true }] }
    }
  }

  values = concat(
    [yamlencode(local.base_values)],
    local.tls ? [yamlencode(local.tls_values)] : [],
    var.jetstream_domain == "" ? [] : [yamlencode(local.domain_values)],
    local.clustered ? [yamlencode(local.cluster_values)] : [],
    local.leafnode ? [yamlencode(local.leafnode_values)] : [],
  )
}

resource "helm_release" "nats" {
  name       = var.name
  namespace  = var.namespace
  repository = "https://nats-io.github.io/k8s/helm/charts"
  chart      = "nats"
  version    = var.chart_version

  values          = local.values
  wait            = true
  atomic          = true
  cleanup_on_fail = true
  timeout         = 600

  lifecycle {
    precondition {
      condition     = !local.leafnode || var.leafnode_creds_secret != ""
      error_message = "leafnode_creds_secret is required when leafnode_remote_url is set."
    }
  }
}
