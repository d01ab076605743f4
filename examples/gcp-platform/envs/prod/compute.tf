resource "google_service_account" "batch" {
  project      = var.project_id
  account_id   = "${local.name}-batch"
  display_name = "Nightly batch jobs"
}

resource "google_compute_instance_template" "batch" {
  project      = var.project_id
  name_prefix  = "${local.name}-batch-"
  machine_type = "e2-standard-4"
  region       = var.region
  labels       = local.labels

  disk {
    source_image = "debian-cloud/debian-12"
    disk_size_gb = 50

    disk_encryption_key {
      kms_key_self_link = google_kms_crypto_key.data.id
    }
  }

  network_interface {
    subnetwork = module.network.subnet_self_links["app"]
  }

  service_account {
    email  = google_service_account.batch.email
    scopes = ["cloud-platform"]
  }

  shielded_instance_config {
    enable_secure_boot = true
  }

  metadata = {
    block-project-ssh-keys = "TRUE"
  }

  lifecycle {
    create_before_destroy = true
  }
}
