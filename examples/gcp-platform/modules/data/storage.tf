# Buckets: every one uniform, never public, versioned and encrypted with the
# environment's key. The data and exports buckets log usage to access_logs.

locals {
  location = upper(var.region)
}

resource "google_storage_bucket" "access_logs" {
  project                     = var.project_id
  name                        = "${var.name}-access-logs"
  location                    = local.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = var.kms_key_id
  }

  lifecycle_rule {
    condition {
      age = 400
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket" "data" {
  project                     = var.project_id
  name                        = "${var.name}-data"
  location                    = local.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = var.kms_key_id
  }

  logging {
    log_bucket        = google_storage_bucket.access_logs.name
    log_object_prefix = "data/"
  }

  lifecycle_rule {
    condition {
      num_newer_versions = 5
      with_state         = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }
}

resource "google_storage_bucket" "exports" {
  project                     = var.project_id
  name                        = "${var.name}-exports"
  location                    = local.location
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = var.kms_key_id
  }

  logging {
    log_bucket        = google_storage_bucket.access_logs.name
    log_object_prefix = "exports/"
  }
}

resource "google_storage_bucket_iam_member" "data_readers" {
  for_each = toset(var.data_reader_members)

  bucket = google_storage_bucket.data.name
  role   = "roles/storage.objectViewer"
  member = each.value
}
