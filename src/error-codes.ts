// Every machine code a natsgh error carries, with its exit code and meaning: the
// one list that types NatsghError's `code` (a typo fails typecheck), decides its
// exit code and generates the README's error-code table. A leaf: imports nothing.
// Adding a code is one line here (then `npm run build && npm run docs`).

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  busy: 3,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error's exit code: never 0. */
export type ErrorExit = Exclude<ExitCodeValue, 0>;

interface ErrorCodeInfo {
  exit: ErrorExit;
  /** One line for the README: what happened. */
  meaning: string;
}

const { failed, usage, busy, interrupted } = ExitCode;

// biome-ignore format: one line per code, so adding one is a one-line change
export const ERROR_CODES = {
  // usage, configuration and input (exit 2)
  usage: { exit: usage, meaning: 'A flag or argument is wrong (unknown flag, bad value, bad URL).' },
  command_not_found: { exit: usage, meaning: 'The command does not exist; the message suggests the closest.' },
  config_invalid: { exit: usage, meaning: 'A configuration value (flag, variable or file) is not valid.' },
  config_malformed: { exit: usage, meaning: 'The config file cannot be parsed.' },
  config_not_found: { exit: usage, meaning: 'The config file given with --config does not exist.' },
  config_secret_in_file: { exit: usage, meaning: 'A secret was put in a config file; secrets come from the environment or flags.' },
  invalid_combination: { exit: usage, meaning: 'The --mode and --nats-type given do not go together.' },
  missing_input: { exit: usage, meaning: 'A required input is missing; the message names its flag and variable.' },
  not_confirmed: { exit: usage, meaning: 'teardown was not confirmed (pass --yes).' },
  unknown_phase: { exit: usage, meaning: '--only, --skip or --from names a phase that does not exist.' },
  port_conflict: { exit: usage, meaning: "The deployment's configured ports collide." },
  replicas_invalid: { exit: usage, meaning: 'A local cluster needs an odd number of servers, at least 3.' },
  since_invalid: { exit: usage, meaning: '--since is neither a duration nor a stream sequence.' },
  creds_missing: { exit: usage, meaning: 'The NATS type needs a .creds file and none was given.' },
  creds_invalid: { exit: usage, meaning: 'The .creds file is not a valid user JWT and seed.' },
  creds_expired: { exit: usage, meaning: 'The user JWT in the .creds file has expired.' },
  creds_unreadable: { exit: usage, meaning: 'The .creds file cannot be read.' },
  auth_file_unreadable: { exit: usage, meaning: 'A NATS credentials or TLS file cannot be read.' },
  nkey_invalid: { exit: usage, meaning: 'The NKey seed file is not a valid user seed.' },
  nats_auth_incomplete: { exit: usage, meaning: 'User/password auth was given only half (a user without a password, or the reverse).' },
  nats_credentials_invalid: { exit: usage, meaning: "The deployment's NATS credentials file is not valid." },
  nats_url_missing: { exit: usage, meaning: 'Bring-your-own NATS needs --nats-url.' },
  hub_url_missing: { exit: usage, meaning: 'A hybrid leaf node needs --hub-url.' },
  nats_server_bin_missing: { exit: usage, meaning: '--nats-server-bin is not an executable file.' },
  nats_server_bin_too_old: { exit: usage, meaning: '--nats-server-bin is older than natsgh needs.' },
  terraform_dir_missing: { exit: usage, meaning: 'The Terraform directory holds no configuration.' },
  github_credentials_missing: { exit: usage, meaning: 'The command needs GitHub credentials (a token or a GitHub App).' },
  github_app_incomplete: { exit: usage, meaning: 'GitHub App authentication lacks the app id, installation or key.' },
  github_app_key_unreadable: { exit: usage, meaning: "The GitHub App's private key file cannot be read." },
  github_event_invalid: { exit: usage, meaning: 'The GitHub event payload is not a JSON object.' },
  github_event_name_invalid: { exit: usage, meaning: 'The GitHub event name is not one GitHub sends.' },
  event_path_unreadable: { exit: usage, meaning: 'The event payload file (--event-path) cannot be read.' },
  webhook_event_app_only: { exit: usage, meaning: 'An event asked for is delivered to GitHub Apps only, not to org webhooks.' },
  webhook_secret_missing: { exit: usage, meaning: 'The webhook server needs a webhook secret.' },
  repo_config_invalid: { exit: usage, meaning: "The repository's natsgh.yaml is not valid." },
  template_variable_missing: { exit: usage, meaning: 'A template uses a variable that is not defined.' },

  // busy (exit 3) and interrupted (exit 130)
  busy: { exit: busy, meaning: 'Busy: the default code of a BusyError that names no other.' },
  lock_held: { exit: busy, meaning: "Another run holds the deployment's lock; the message names the holder." },
  interrupted: { exit: interrupted, meaning: 'Ctrl-C, SIGINT or SIGTERM stopped the run.' },

  // failures (exit 1)
  internal: { exit: failed, meaning: 'A bug in natsgh; re-run with NATSGH_DEBUG=1 and report the output.' },
  state_dir_not_writable: { exit: failed, meaning: 'The state directory (or a file natsgh writes) is not writable.' },
  disk_full: { exit: failed, meaning: 'No space is left on the disk natsgh writes to.' },
  not_supported: { exit: failed, meaning: 'No provisioner exists for this mode and NATS type yet.' },
  prerequisites_failed: { exit: failed, meaning: 'A prerequisite check failed (a tool, port or permission); the message lists them.' },
  validation_failed: { exit: failed, meaning: 'A check after bootstrap failed (NATS health, KV round trip, controller ping, generated files).' },
  checkpoint_corrupt: { exit: failed, meaning: 'A phase checkpoint cannot be decoded.' },
  lock_error: { exit: failed, meaning: 'The lock could not be taken for another reason than a holder.' },
  lock_lost: { exit: failed, meaning: 'The lock was lost while the run held it.' },
  port_in_use: { exit: failed, meaning: 'A port natsgh needs is taken by another process (named).' },
  spawn_failed: { exit: failed, meaning: 'A background process could not be started.' },
  archive_unreadable: { exit: failed, meaning: 'A downloaded archive is not readable.' },
  nats_subject_invalid: { exit: failed, meaning: 'A name cannot be a subject token, or a subject is not one natsgh writes.' },
  nats_unreachable: { exit: failed, meaning: 'NATS does not accept connections.' },
  nats_connect: { exit: failed, meaning: 'Connecting to NATS failed.' },
  nats_timeout: { exit: failed, meaning: 'NATS did not answer in time.' },
  nats_tls: { exit: failed, meaning: 'The TLS handshake with NATS failed.' },
  nats_auth: { exit: failed, meaning: 'NATS refused the credentials.' },
  nats_auth_expired: { exit: failed, meaning: 'NATS ended the session: the user JWT has expired.' },
  nats_auth_revoked: { exit: failed, meaning: 'NATS refused a valid, unexpired user: it was revoked.' },
  nats_permissions: { exit: failed, meaning: 'NATS denied a publish or subscribe; the message names the permission to grant.' },
  nats_account_limits: { exit: failed, meaning: "The NATS account's JetStream limits stopped natsgh; the message names the limit and flag." },
  jetstream_unavailable: { exit: failed, meaning: 'JetStream is not enabled for the account or server.' },
  jetstream_storage_full: { exit: failed, meaning: 'JetStream has no storage left for a stream.' },
  nats_cluster_form: { exit: failed, meaning: 'The local NATS cluster did not form in time.' },
  nats_server_start: { exit: failed, meaning: 'nats-server did not start; the message shows its log.' },
  purge_failed: { exit: failed, meaning: 'The JetStream store could not be removed.' },
  nats_server_install: { exit: failed, meaning: 'nats-server could not be installed.' },
  nats_server_checksum: { exit: failed, meaning: "The downloaded nats-server does not match its release's SHA-256." },
  nats_server_too_old: { exit: failed, meaning: 'The nats-server found is older than natsgh needs.' },
  nats_server_unavailable: { exit: failed, meaning: 'nats-server is not installed and the download failed.' },
  nats_server_unsupported_arch: { exit: failed, meaning: 'nats-server publishes no release for this architecture.' },
  nats_server_unusable: { exit: failed, meaning: 'The nats-server binary cannot be run.' },
  controller_start_failed: { exit: failed, meaning: 'The controller exited during start-up.' },
  controller_start_timeout: { exit: failed, meaning: 'The controller did not answer ping in time after starting.' },
  controller_unreachable: { exit: failed, meaning: 'The controller did not answer.' },
  controller_doctor_failed: { exit: failed, meaning: 'The controller could not run its checks.' },
  docker_missing: { exit: failed, meaning: 'docker is not on PATH.' },
  docker_compose_missing: { exit: failed, meaning: 'The docker compose plugin is missing.' },
  docker_compose_failed: { exit: failed, meaning: 'A docker compose command failed.' },
  kind_missing: { exit: failed, meaning: 'kind is not on PATH (needed to load the controller image).' },
  image_build_failed: { exit: failed, meaning: 'The controller image could not be built.' },
  image_load_failed: { exit: failed, meaning: 'The controller image could not be loaded into kind.' },
  image_push_failed: { exit: failed, meaning: 'The controller image could not be pushed.' },
  kubectl_missing: { exit: failed, meaning: 'kubectl is not on PATH.' },
  kube_no_context: { exit: failed, meaning: 'kubectl has no current context.' },
  kube_apply_failed: { exit: failed, meaning: 'kubectl apply failed.' },
  kube_get_failed: { exit: failed, meaning: 'kubectl get failed.' },
  kube_delete_failed: { exit: failed, meaning: 'kubectl delete failed.' },
  kube_rollout_failed: { exit: failed, meaning: 'A rollout did not complete.' },
  kube_port_forward_failed: { exit: failed, meaning: 'kubectl port-forward did not start.' },
  helm_install_failed: { exit: failed, meaning: 'helm upgrade --install failed.' },
  helm_uninstall_failed: { exit: failed, meaning: 'helm uninstall failed.' },
  terraform_missing: { exit: failed, meaning: 'terraform is not installed (needed by --terraform).' },
  terraform_apply_declined: { exit: failed, meaning: 'The Terraform plan was not applied (declined or not confirmed).' },
  terraform_init_failed: { exit: failed, meaning: 'terraform init failed.' },
  terraform_plan_failed: { exit: failed, meaning: 'terraform plan failed.' },
  terraform_apply_failed: { exit: failed, meaning: 'terraform apply failed.' },
  terraform_show_failed: { exit: failed, meaning: 'terraform show failed.' },
  terraform_output_failed: { exit: failed, meaning: 'terraform output failed.' },
  terraform_state_failed: { exit: failed, meaning: 'terraform state pull failed.' },
  terraform_workspace_failed: { exit: failed, meaning: 'terraform workspace show failed.' },
  github_auth: { exit: failed, meaning: 'GitHub rejected the credentials.' },
  github_permission: { exit: failed, meaning: 'The token or app lacks a permission; the message names it.' },
  github_not_found: { exit: failed, meaning: 'GitHub answered 404: not found, or not visible to these credentials.' },
  github_rate_limited: { exit: failed, meaning: 'GitHub rate limit reached.' },
  github_unavailable: { exit: failed, meaning: 'GitHub did not answer or answered 5xx.' },
  github_error: { exit: failed, meaning: 'Another GitHub failure; the message has its answer.' },
  github_conflict: { exit: failed, meaning: 'GitHub refused a change with 409 Conflict.' },
  github_repo_empty: { exit: failed, meaning: 'The repository has no commit yet.' },
  github_branch_missing: { exit: failed, meaning: 'The branch does not exist.' },
  github_branch_protected: { exit: failed, meaning: 'A branch rule refused the update.' },
  github_ref_moving: { exit: failed, meaning: 'The branch kept moving while natsgh committed.' },
  github_tree_too_large: { exit: failed, meaning: "GitHub truncated the repository's tree." },
  checkout_path_invalid: { exit: failed, meaning: 'A path is not a plain relative path inside the checkout.' },
  checkout_symlink: { exit: failed, meaning: 'A path in the checkout goes through a symbolic link.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes whose exit is `exit`: what UsageError (2) and BusyError (3) accept. */
export type ErrorCodeWithExit<E extends ErrorExit> = {
  [K in ErrorCode]: (typeof ERROR_CODES)[K]['exit'] extends E ? K : never;
}[ErrorCode];

/** The codes a UsageError (exit 2) may carry. */
export type UsageCode = ErrorCodeWithExit<typeof ExitCode.usage>;

export function exitCodeOf(code: ErrorCode): ErrorExit {
  return ERROR_CODES[code].exit;
}
