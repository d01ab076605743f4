# A custom-mode VPC with one subnetwork per purpose, Cloud NAT for egress,
# private services access for Cloud SQL, and the firewall rules every
# environment shares.

locals {
  # Google Cloud load balancer and health check ranges.
  health_check_ranges = ["35.191.0.0/16", "130.211.0.0/22"]
  internal_ranges     = [for s in values(var.subnets) : s.cidr]
}

resource "google_compute_network" "this" {
  project                 = var.project_id
  name                    = var.name
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "this" {
  for_each = var.subnets

  project                  = var.project_id
  name                     = "${var.name}-${each.key}"
  region                   = var.region
  network                  = google_compute_network.this.id
  ip_cidr_range            = each.value.cidr
  private_ip_google_access = true

  dynamic "secondary_ip_range" {
    for_each = each.value.secondary_ranges
    content {
      range_name    = secondary_ip_range.key
      ip_cidr_range = secondary_ip_range.value
    }
  }

  dynamic "log_config" {
    for_each = var.enable_flow_logs ? [1] : []
    content {
      aggregation_interval = "INTERVAL_5_SEC"
      flow_sampling        = var.flow_sampling
      metadata             = "INCLUDE_ALL_METADATA"
    }
  }
}

resource "google_compute_router" "this" {
  project = var.project_id
  name    = "${var.name}-router"
  region  = var.region
  network = google_compute_network.this.id
}

resource "google_compute_router_nat" "this" {
  project                            = var.project_id
  name                               = "${var.name}-nat"
  router                             = google_compute_router.this.name
  region                             = var.region
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}

# Private services access, used by Cloud SQL private IP.
resource "google_compute_global_address" "private_services" {
  project       = var.project_id
  name          = "${var.name}-private-services"
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
  network       = google_compute_network.this.id
}

resource "google_service_networking_connection" "private_services" {
  network                 = google_compute_network.this.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services.name]
}

# ---------------------------------------------------------------------------
# Firewall rules
# ---------------------------------------------------------------------------

resource "google_compute_firewall" "ssh" {
  project       = var.project_id
  name          = "${var.name}-allow-ssh"
  description   = "SSH to instances tagged ssh, through Identity-Aware Proxy TCP forwarding"
  network       = google_compute_network.this.id
  direction     = "INGRESS"
  source_ranges = var.ssh_source_ranges
  target_tags   = ["ssh"]

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
}

resource "google_compute_firewall" "internal" {
  project       = var.project_id
  name          = "${var.name}-allow-internal"
  description   = "Traffic between the subnetworks of this VPC"
  network       = google_compute_network.this.id
  direction     = "INGRESS"
  source_ranges = local.internal_ranges

  allow {
    protocol = "all"
  }
}

resource "google_compute_firewall" "health_checks" {
  project       = var.project_id
  name          = "${var.name}-allow-health-checks"
  description   = "Load balancer health checks to the serving ports"
  network       = google_compute_network.this.id
  direction     = "INGRESS"
  source_ranges = local.health_check_ranges
  target_tags   = ["web"]

  allow {
    protocol = "tcp"
    ports    = var.health_check_ports
  }
}

resource "google_compute_firewall" "deny_all_ingress" {
  project       = var.project_id
  name          = "${var.name}-deny-all-ingress"
  description   = "Explicit default deny, logged, below every allow rule"
  network       = google_compute_network.this.id
  direction     = "INGRESS"
  priority      = 65000
  source_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }

  log_config {
    metadata = "INCLUDE_ALL_METADATA"
  }
}
