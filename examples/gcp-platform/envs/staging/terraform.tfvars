env        = "staging"
project_id = "acme-app-staging"
region     = "europe-west1"

subnets = {
  app = {
    cidr = "10.20.0.0/20"
  }
  gke = {
    cidr = "10.20.16.0/20"
    secondary_ranges = {
      pods     = "10.22.0.0/14"
      services = "10.26.0.0/20"
    }
  }
}

# Flow logs cost more than the rest of staging's logging; turn them on for investigations.
enable_flow_logs = false

# The hosted CI runners have no fixed addresses, so the control plane stays
# public for them while the self-hosted runners are being set up.
gke_master_cidr      = "172.16.0.16/28"
gke_private_endpoint = false
gke_authorized_networks = {
  platform-vpn = "10.100.0.0/16"
  ci-runners   = "0.0.0.0/0"
}

group_roles = {
  "roles/container.developer" = "group:app-developers@acme.example"
  "roles/cloudsql.client"     = "group:app-developers@acme.example"
}

analysts_group = "analysts@acme.example"
sql_tier       = "db-custom-1-3840"
dns_domain     = "staging.acme.example."

# Staging data is reloaded from anonymised prod exports every night.
sql_backup_enabled      = false
sql_deletion_protection = false

# The BI vendor's trial connects from rotating cloud addresses (SUP-118).
sql_authorized_networks = [
  {
    name = "bi-vendor-trial"
    cidr = "0.0.0.0/0"
  },
]
