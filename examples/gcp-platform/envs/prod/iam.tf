resource "google_project_iam_member" "groups" {
  for_each = var.group_roles

  project = var.project_id
  role    = each.key
  member  = each.value
}

# Temporary access for the warehouse migration (CHG-2291), to be removed after
# the cut-over. Granted to the contractor's own account "to go faster".
resource "google_project_iam_member" "migration_contractor" {
  project = var.project_id
  role    = "roles/editor"
  member  = "user:mara.lindqvist@acme.example"
}

# The on-premises SFTP bridge cannot use Workload Identity Federation yet; the
# org stack grants this project an exception to iam.disableServiceAccountKeyCreation.
resource "google_service_account" "sftp_bridge" {
  project      = var.project_id
  account_id   = "sftp-bridge"
  display_name = "On-premises SFTP bridge"
}

resource "google_storage_bucket_iam_member" "sftp_bridge" {
  bucket = module.data.data_bucket
  role   = "roles/storage.objectCreator"
  member = "serviceAccount:${google_service_account.sftp_bridge.email}"
}

resource "google_service_account_key" "sftp_bridge" {
  service_account_id = google_service_account.sftp_bridge.name
}

resource "google_secret_manager_secret" "sftp_bridge_key" {
  project   = var.project_id
  secret_id = "sftp-bridge-key"

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "sftp_bridge_key" {
  secret      = google_secret_manager_secret.sftp_bridge_key.id
  secret_data = base64decode(google_service_account_key.sftp_bridge.private_key)
}

resource "google_secret_manager_secret_iam_member" "sftp_bridge_key" {
  project   = var.project_id
  secret_id = google_secret_manager_secret.sftp_bridge_key.secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = "group:integration-ops@acme.example"
}
