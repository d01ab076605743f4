data "aws_caller_identity" "current" {}

locals {
  name_prefix = "${var.project}-${var.env}"
  account_id  = data.aws_caller_identity.current.account_id
  is_prod     = var.env == "prod"

  common_tags = merge(
    tomap({
      Project     = var.project
      Environment = var.env
      Owner       = var.owner
      ManagedBy   = "terraform"
    }),
    var.extra_tags,
  )

  log_retention_days = local.is_prod ? 365 : 30
  instance_type      = lookup(var.instance_types, var.env, "t3.medium")
}

# ---------------------------------------------------------------------------
# Shared modules
# ---------------------------------------------------------------------------

module "network" {
  source = "../../modules/network"

  name               = local.name_prefix
  env                = var.env
  cidr_block         = var.vpc_cidr
  azs                = var.azs
  single_nat_gateway = !local.is_prod
  enable_flow_logs   = var.enable_flow_logs

  flow_log_retention_days = local.log_retention_days
  log_kms_key_arn         = aws_kms_key.logs.arn
  ssh_allowed_cidrs       = var.ssh_allowed_cidrs

  tags = local.common_tags
}

module "data" {
  source = "../../modules/data"

  project     = var.project
  env         = var.env
  name        = local.name_prefix
  kms_key_arn = aws_kms_key.data.arn

  artifact_versioning     = var.artifact_versioning
  backup_retention_period = var.db_backup_retention_period

  db_subnet_ids         = module.network.database_subnet_ids
  db_security_group_ids = [module.network.db_security_group_id]
  db_instance_class     = var.db_instance_class

  tags = local.common_tags
}

# ---------------------------------------------------------------------------
# Account-level guardrails of the workload account
# ---------------------------------------------------------------------------

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_s3_account_public_access_block" "this" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ---------------------------------------------------------------------------
# KMS keys
# ---------------------------------------------------------------------------

resource "aws_kms_key" "data" {
  description             = "${local.name_prefix} data at rest (S3, RDS, EBS, ECR)"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.name_prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

resource "aws_kms_key" "logs" {
  description             = "${local.name_prefix} CloudWatch Logs"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdministration"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${var.region}.amazonaws.com" }
        Action = [
          "kms:Encrypt*",
          "kms:Decrypt*",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:Describe*",
        ]
        Resource = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:aws:logs:${var.region}:${local.account_id}:log-group:*"
          }
        }
      },
    ]
  })
}

# ---------------------------------------------------------------------------
# Application log group
# ---------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "app" {
  name              = "/${var.project}/${var.env}/app"
  retention_in_days = local.log_retention_days
  kms_key_id        = aws_kms_key.logs.arn
}

