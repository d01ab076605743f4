env      = "staging"
region   = "eu-west-1"
vpc_cidr = "10.20.0.0/16"
azs      = ["eu-west-1a", "eu-west-1b"]

extra_tags = {
  CostCenter = "cc-1042"
}

ssh_allowed_cidrs = ["203.0.113.0/24"]

# Flow logs cost more than the rest of staging's logging; re-enable for investigations.
enable_flow_logs = false

certificate_arn = "arn:aws:acm:eu-west-1:222222222222:certificate/0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"

# Staging data is rebuilt from prod snapshots; keep backups short and artifacts unversioned.
db_backup_retention_period = 1
artifact_versioning        = false

ecr_repositories = {
  api = {
    immutable = true
  }
  worker = {
    immutable = true
  }
}
