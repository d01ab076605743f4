variable "project_id" {
  description = "Project that holds the data stores."
  type        = string
}

variable "region" {
  description = "Region of the buckets, the Cloud SQL instance and the BigQuery dataset."
  type        = string
}

variable "name" {
  description = "Name prefix, e.g. acme-prod."
  type        = string
}

variable "kms_key_id" {
  description = "Cloud KMS key (same region) that encrypts every data store."
  type        = string
}

variable "network_id" {
  description = "VPC that reaches Cloud SQL over private IP."
  type        = string
}

variable "analysts_group" {
  description = "Google group that reads the analytics dataset."
  type        = string
}

variable "data_reader_members" {
  description = "Principals that read objects of the data bucket."
  type        = list(string)
  default     = []
}

variable "sql_tier" {
  description = "Machine tier of the Cloud SQL instance."
  type        = string
  default     = "db-custom-2-7680"
}

variable "sql_high_availability" {
  description = "Regional (highly available) Cloud SQL instance."
  type        = bool
  default     = true
}

variable "sql_backup_enabled" {
  description = "Automated backups and point-in-time recovery."
  type        = bool
  default     = true
}

variable "sql_retained_backups" {
  description = "Number of automated backups kept."
  type        = number
  default     = 14
}

variable "sql_deletion_protection" {
  description = "Protect the instance from deletion by Terraform and through the API."
  type        = bool
  default     = true
}

variable "sql_authorized_networks" {
  description = "Public networks allowed to reach the instance. Empty keeps the instance on private IP only."
  type = list(object({
    name = string
    cidr = string
  }))
  default = []
}
