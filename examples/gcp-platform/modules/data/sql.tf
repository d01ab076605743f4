resource "google_sql_database_instance" "main" {
  project             = var.project_id
  name                = "${var.name}-pg"
  database_version    = "POSTGRES_16"
  region              = var.region
  encryption_key_name = var.kms_key_id
  deletion_protection = var.sql_deletion_protection

  settings {
    tier                        = var.sql_tier
    edition                     = "ENTERPRISE"
    availability_type           = var.sql_high_availability ? "REGIONAL" : "ZONAL"
    deletion_protection_enabled = var.sql_deletion_protection
    disk_autoresize             = true

    ip_configuration {
      # A public address only when someone needs to connect from outside the VPC.
      ipv4_enabled    = length(var.sql_authorized_networks) > 0
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"

      dynamic "authorized_networks" {
        for_each = var.sql_authorized_networks
        content {
          name  = authorized_networks.value.name
          value = authorized_networks.value.cidr
        }
      }
    }

    backup_configuration {
      enabled                        = var.sql_backup_enabled
      point_in_time_recovery_enabled = var.sql_backup_enabled
      start_time                     = "02:00"

      backup_retention_settings {
        retained_backups = var.sql_retained_backups
      }
    }

    database_flags {
      name  = "log_connections"
      value = "on"
    }

    database_flags {
      name  = "log_disconnections"
      value = "on"
    }

    insights_config {
      query_insights_enabled = true
    }
  }
}

resource "google_sql_database" "app" {
  project  = var.project_id
  name     = "app"
  instance = google_sql_database_instance.main.name
}
