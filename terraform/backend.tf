# Remote state, partially configured: the settings come from `-backend-config`
# (natsgh: --tf-backend-config KEY=VALUE), so one module serves every organization.
#
#   S3:  -backend-config=bucket=BUCKET -backend-config=key=natsgh/terraform.tfstate
#        -backend-config=region=REGION -backend-config=use_lockfile=true
#        (or -backend-config=dynamodb_table=TABLE for DynamoDB locking)
#   GCS: natsgh --tf-backend gcs writes natsgh_backend_override.tf to switch the type;
#        -backend-config=bucket=BUCKET -backend-config=prefix=natsgh
#
# See README.md, "Terraform", for the bootstrap sequence that creates the bucket first.
terraform {
  backend "s3" {}
}
