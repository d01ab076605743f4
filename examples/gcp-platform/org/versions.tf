terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
  }

  backend "gcs" {
    bucket = "acme-terraform-state"
    prefix = "org"
  }
}

provider "google" {
  region                = var.region
  billing_project       = var.security_project_id
  user_project_override = true
}
