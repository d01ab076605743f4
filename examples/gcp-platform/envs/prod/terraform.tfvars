env        = "prod"
project_id = "acme-app-prod"
region     = "europe-west1"

subnets = {
  app = {
    cidr = "10.10.0.0/20"
  }
  gke = {
    cidr = "10.10.16.0/20"
    secondary_ranges = {
      pods     = "10.12.0.0/14"
      services = "10.16.0.0/20"
    }
  }
}

gke_master_cidr      = "172.16.0.0/28"
gke_private_endpoint = true
gke_authorized_networks = {
  platform-vpn = "10.100.0.0/16"
}

group_roles = {
  "roles/container.developer" = "group:app-developers@acme.example"
  "roles/logging.viewer"      = "group:app-developers@acme.example"
  "roles/cloudsql.client"     = "group:app-oncall@acme.example"
}

analysts_group = "analysts@acme.example"
sql_tier       = "db-custom-4-15360"
dns_domain     = "acme.example."
