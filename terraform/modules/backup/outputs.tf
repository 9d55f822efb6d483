# Where backups go and which CronJob writes them.

output "destination" {
  description = "Object storage location of the backups (one timestamped directory per run)."
  value       = "${var.storage}://${var.bucket}/${var.prefix}/"
}

output "cron_job" {
  description = "Namespace/name of the backup CronJob."
  value       = "${kubernetes_cron_job_v1.backup.metadata[0].namespace}/${kubernetes_cron_job_v1.backup.metadata[0].name}"
}
