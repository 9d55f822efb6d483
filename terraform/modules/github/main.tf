# The GitHub side of natsgh: the organization's .github repository (the control surface),
# an organization webhook that delivers events to `natsgh webhook serve`, and the
# Actions secret and variable that the generated workflows use to publish into NATS.

resource "github_repository" "dot_github" {
  count = var.manage_repository ? 1 : 0

  name                   = ".github"
  description            = "Organization defaults and natsgh-generated files"
  visibility             = "public"
  auto_init              = true
  has_issues             = false
  has_wiki               = false
  has_projects           = false
  delete_branch_on_merge = true
  vulnerability_alerts   = true
}

data "github_repository" "dot_github" {
  count = var.manage_repository ? 0 : 1

  full_name = "${var.owner}/.github"
}

locals {
  repository = var.manage_repository ? github_repository.dot_github[0].name : data.github_repository.dot_github[0].name
}

resource "github_organization_webhook" "natsgh" {
  count = var.webhook_url == "" ? 0 : 1

  active = true
  events = var.webhook_events

  configuration {
    url          = var.webhook_url
    content_type = "json"
    secret       = var.webhook_secret
    insecure_ssl = false
  }

  lifecycle {
    precondition {
      condition     = var.webhook_secret != ""
      error_message = "webhook_secret is required with webhook_url: natsgh rejects unsigned deliveries."
    }
  }
}

resource "github_actions_secret" "nats_creds" {
  # Whether a secret is set is not itself secret; its value stays sensitive.
  count = nonsensitive(var.nats_creds != "") ? 1 : 0

  repository      = local.repository
  secret_name     = "NATSGH_NATS_CREDS"
  plaintext_value = var.nats_creds
}

resource "github_actions_variable" "nats_url" {
  count = var.nats_url == "" ? 0 : 1

  repository    = local.repository
  variable_name = "NATSGH_NATS_URL"
  value         = var.nats_url
}
