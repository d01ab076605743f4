locals {
  name = "acme-${var.env}"

  labels = {
    environment = var.env
    managed_by  = "terraform"
  }

  # Service agents that encrypt with the data key.
  service_agents = [
    "service-${data.google_project.this.number}@gs-project-accounts.iam.gserviceaccount.com",
    "bq-${data.google_project.this.number}@bigquery-encryption.iam.gserviceaccount.com",
    "service-${data.google_project.this.number}@gcp-sa-cloud-sql.iam.gserviceaccount.com",
    "service-${data.google_project.this.number}@compute-system.iam.gserviceaccount.com",
  ]
}

data "google_project" "this" {
  project_id = var.project_id
}

# SSH only through OS Login (the org policy compute.requireOsLogin enforces it too).
resource "google_compute_project_metadata_item" "oslogin" {
  project = var.project_id
  key     = "enable-oslogin"
  value   = "TRUE"
}

# ---------------------------------------------------------------------------
# Keys
# ---------------------------------------------------------------------------

resource "google_kms_key_ring" "main" {
  project  = var.project_id
  name     = "${local.name}-main"
  location = var.region
}

resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
  labels          = local.labels

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_kms_crypto_key" "gke_secrets" {
  name            = "gke-secrets"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
  labels          = local.labels
}

resource "google_kms_crypto_key_iam_member" "data_service_agents" {
  for_each = toset(local.service_agents)

  crypto_key_id = google_kms_crypto_key.data.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:${each.value}"
}

resource "google_kms_crypto_key_iam_member" "gke_secrets" {
  crypto_key_id = google_kms_crypto_key.gke_secrets.id
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
  member        = "serviceAccount:service-${data.google_project.this.number}@container-engine-robot.iam.gserviceaccount.com"
}

# ---------------------------------------------------------------------------
# Shared modules
# ---------------------------------------------------------------------------

module "network" {
  source = "../../modules/network"

  project_id        = var.project_id
  region            = var.region
  name              = local.name
  subnets           = var.subnets
  enable_flow_logs  = var.enable_flow_logs
  ssh_source_ranges = var.ssh_source_ranges
}

module "data" {
  source = "../../modules/data"

  project_id     = var.project_id
  region         = var.region
  name           = local.name
  kms_key_id     = google_kms_crypto_key.data.id
  network_id     = module.network.network_id
  analysts_group = var.analysts_group
  sql_tier       = var.sql_tier

  data_reader_members = [
    "serviceAccount:${google_service_account.batch.email}",
  ]

  depends_on = [module.network, google_kms_crypto_key_iam_member.data_service_agents]
}
