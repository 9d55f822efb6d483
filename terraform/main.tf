# natsgh's infrastructure, selected by nats_type:
#   self_hosted          nats-cluster (1 server)            + monitoring, backup
#   self_hosted_cluster  nats-cluster (cluster_replicas)    + monitoring, backup
#   synadia              synadia (creds Secret), no servers  + backup
#   hybrid               synadia + nats-cluster as a leaf node of Synadia + monitoring, backup
# github is independent of nats_type (github_enabled).

locals {
  runs_servers = contains(["self_hosted", "self_hosted_cluster", "hybrid"], var.nats_type)
  uses_synadia = contains(["synadia", "hybrid"], var.nats_type)
  replicas     = var.nats_type == "self_hosted_cluster" ? var.cluster_replicas : 1

  namespace = var.create_namespace ? kubernetes_namespace_v1.natsgh[0].metadata[0].name : var.namespace

  # Where clients (controller, backup, Actions) connect: the cluster's client Service, or Synadia.
  nats_url = local.runs_servers ? module.nats_cluster[0].client_url : module.synadia[0].url
}

resource "kubernetes_namespace_v1" "natsgh" {
  count = var.create_namespace ? 1 : 0

  metadata {
    name = var.namespace
    labels = {
      "app.kubernetes.io/part-of" = "natsgh"
      "natsgh.io/deployment"      = var.deployment
    }
  }
}

module "synadia" {
  source = "./modules/synadia"
  count  = local.uses_synadia ? 1 : 0

  name      = var.deployment
  namespace = local.namespace
  url       = var.synadia_url
  creds     = var.synadia_creds
}

module "nats_cluster" {
  source = "./modules/nats-cluster"
  count  = local.runs_servers ? 1 : 0

  name                   = "${var.deployment}-nats"
  namespace              = local.namespace
  chart_version          = var.nats_chart_version
  replicas               = local.replicas
  service_type           = var.service_type
  jetstream_storage_size = var.jetstream_storage_size
  storage_class          = var.storage_class
  jetstream_domain       = var.jetstream_domain
  tls_secret_name        = var.tls_secret_name
  leafnode_remote_url    = var.nats_type == "hybrid" ? var.synadia_url : ""
  leafnode_creds_secret  = var.nats_type == "hybrid" ? module.synadia[0].creds_secret_name : ""
}

module "monitoring" {
  source = "./modules/monitoring"
  count  = local.runs_servers && var.monitoring_enabled ? 1 : 0

  name                = "${var.deployment}-nats"
  namespace           = local.namespace
  servers             = module.nats_cluster[0].monitor_urls
  service_monitor     = var.prometheus_operator
  dashboard_namespace = var.grafana_dashboard_namespace
}

module "backup" {
  source = "./modules/backup"
  count  = var.backup_enabled ? 1 : 0

  name               = "${var.deployment}-backup"
  namespace          = local.namespace
  nats_url           = local.nats_url
  nats_creds_secret  = var.nats_type == "synadia" ? module.synadia[0].creds_secret_name : ""
  schedule           = var.backup_schedule
  storage            = var.backup_storage
  bucket             = var.backup_bucket
  prefix             = "${var.deployment}/backups"
  retention_days     = var.backup_retention_days
  credentials_secret = var.backup_credentials_secret
}

module "github" {
  source = "./modules/github"
  count  = var.github_enabled ? 1 : 0

  owner             = var.github_owner
  manage_repository = var.github_manage_repository
  webhook_url       = var.github_webhook_url
  webhook_secret    = var.github_webhook_secret
  nats_url          = local.nats_url
  # Actions workflows need creds only where NATS requires them (Synadia).
  nats_creds = local.uses_synadia ? var.synadia_creds : ""
}
