resource "google_bigquery_dataset" "analytics" {
  project     = var.project_id
  dataset_id  = replace("${var.name}_analytics", "-", "_")
  location    = var.region
  description = "Curated analytics tables"

  default_encryption_configuration {
    kms_key_name = var.kms_key_id
  }

  access {
    role          = "OWNER"
    special_group = "projectOwners"
  }

  access {
    role           = "READER"
    group_by_email = var.analysts_group
  }
}
