# Debug VM for the payments vendor integration (PAY-311). Created from the
# console first, then imported into code as it was.
resource "google_compute_instance" "debug" {
  project      = var.project_id
  name         = "${local.name}-payments-debug"
  machine_type = "e2-small"
  zone         = "${var.region}-b"
  tags         = ["ssh"]
  labels       = local.labels

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    subnetwork = module.network.subnet_self_links["app"]

    access_config {
      network_tier = "STANDARD"
    }
  }

  service_account {
    scopes = ["cloud-platform"]
  }
}
