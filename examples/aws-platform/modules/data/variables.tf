variable "project" {
  description = "Project name, used in bucket names."
  type        = string
}

variable "env" {
  description = "Environment name (prod, staging)."
  type        = string
}

variable "name" {
  description = "Name prefix for resources without global naming constraints, e.g. acme-prod."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for S3 and RDS encryption."
  type        = string
}

variable "artifact_versioning" {
  description = "Keep old versions of build artifacts."
  type        = bool
  default     = true
}

variable "log_expiration_days" {
  description = "Days after which S3 access logs are deleted."
  type        = number
  default     = 400
}

variable "db_subnet_ids" {
  description = "Subnets of the DB subnet group."
  type        = list(string)
}

variable "db_security_group_ids" {
  description = "Security groups attached to the database."
  type        = list(string)
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_engine_version" {
  description = "PostgreSQL major.minor version."
  type        = string
  default     = "16.4"
}

variable "db_allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 50
}

variable "backup_retention_period" {
  description = "Days of automated backups. Null picks the environment default (35 in prod, 7 elsewhere)."
  type        = number
  default     = null
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
