resource "google_dns_managed_zone" "public" {
  project     = var.project_id
  name        = "acme-public"
  dns_name    = var.dns_domain
  description = "Public zone of the shop"

  dnssec_config {
    state = "on"
  }
}

resource "google_dns_managed_zone" "internal" {
  project     = var.project_id
  name        = "acme-internal"
  dns_name    = "internal.${var.dns_domain}"
  description = "Names of internal services"
  visibility  = "private"

  private_visibility_config {
    networks {
      network_url = module.network.network_id
    }
  }
}
