# Scheduled backups of every JetStream stream (KV buckets are streams too) to S3 or GCS:
# an init container runs `nats account backup` into a scratch volume, then rclone uploads
# it under <prefix>/<UTC timestamp>/ and deletes backups older than the retention.

locals {
  labels = {
    "app.kubernetes.io/name"      = "nats-backup"
    "app.kubernetes.io/instance"  = var.name
    "app.kubernetes.io/part-of"   = "natsgh"
    "app.kubernetes.io/component" = "backup"
  }
  creds_dir = "/etc/nats-creds"
  remote    = "backup:${var.bucket}/${var.prefix}"

  # rclone reads remotes from RCLONE_CONFIG_<NAME>_<OPTION>; env_auth takes credentials from the environment or workload identity.
  rclone_env = var.storage == "s3" ? {
    RCLONE_CONFIG_BACKUP_TYPE     = "s3"
    RCLONE_CONFIG_BACKUP_PROVIDER = "AWS"
    RCLONE_CONFIG_BACKUP_ENV_AUTH = "true"
    RCLONE_CONFIG_BACKUP_REGION   = var.s3_region
    } : {
    RCLONE_CONFIG_BACKUP_TYPE               = "google cloud storage"
    RCLONE_CONFIG_BACKUP_ENV_AUTH           = "true"
    RCLONE_CONFIG_BACKUP_BUCKET_POLICY_ONLY = "true"
  }

  nats_env = merge(
    { NATS_URL = var.nats_url },
    var.nats_creds_secret == "" ? {} : { NATS_CREDS = "${local.creds_dir}/nats.creds" },
  )

  backup_script = <<-EOT
    set -eu
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    nats account backup "/backup/$stamp" --force
    echo "$stamp" > /backup/.stamp
  EOT

  upload_script = <<-EOT
    set -eu
    stamp="$(cat /backup/.stamp)"
    rclone copy "/backup/$stamp" "${local.remote}/$stamp"
    rclone delete --min-age ${var.retention_days}d "${local.remote}"
    rclone rmdirs --leave-root "${local.remote}"
  EOT
}

resource "kubernetes_cron_job_v1" "backup" {
  metadata {
    name      = var.name
    namespace = var.namespace
    labels    = local.labels
  }

  spec {
    schedule                      = var.schedule
    concurrency_policy            = "Forbid"
    starting_deadline_seconds     = 600
    successful_jobs_history_limit = 3
    failed_jobs_history_limit     = 3

    job_template {
      metadata {
        labels = local.labels
      }

      spec {
        backoff_limit           = 2
        active_deadline_seconds = 3600

        template {
          metadata {
            labels = local.labels
          }

          spec {
            restart_policy = "Never"

            init_container {
              name    = "backup"
              image   = var.nats_box_image
              command = ["/bin/sh", "-c", local.backup_script]

              dynamic "env" {
                for_each = local.nats_env
                content {
                  name  = env.key
                  value = env.value
                }
              }

              volume_mount {
                name       = "backup"
                mount_path = "/backup"
              }

              dynamic "volume_mount" {
                for_each = var.nats_creds_secret == "" ? [] : [var.nats_creds_secret]
                content {
                  name       = "nats-creds"
                  mount_path = local.creds_dir
                  read_only  = true
                }
              }
            }

            container {
              name    = "upload"
              image   = var.rclone_image
              command = ["/bin/sh", "-c", local.upload_script]

              dynamic "env" {
                for_each = local.rclone_env
                content {
                  name  = env.key
                  value = env.value
                }
              }

              dynamic "env_from" {
                for_each = var.credentials_secret == "" ? [] : [var.credentials_secret]
                content {
                  secret_ref {
                    name = env_from.value
                  }
                }
              }

              volume_mount {
                name       = "backup"
                mount_path = "/backup"
                read_only  = true
              }
            }

            volume {
              name = "backup"
              empty_dir {}
            }

            dynamic "volume" {
              for_each = var.nats_creds_secret == "" ? [] : [var.nats_creds_secret]
              content {
                name = "nats-creds"
                secret {
                  secret_name = volume.value
                }
              }
            }
          }
        }
      }
    }
  }
}
