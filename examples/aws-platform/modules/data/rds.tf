resource "aws_db_subnet_group" "main" {
  name        = "${var.name}-db"
  description = "Database subnets of ${var.name}"
  subnet_ids  = var.db_subnet_ids

  tags = local.tags
}

resource "aws_db_parameter_group" "postgres" {
  name        = "${var.name}-postgres16"
  family      = "postgres16"
  description = "Hardened PostgreSQL 16 parameters"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  tags = local.tags
}

resource "aws_db_instance" "main" {
  identifier     = "${var.name}-db"
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  db_name                     = replace("${var.project}_${var.env}", "-", "_")
  username                    = "app_admin"
  manage_master_user_password = true

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_allocated_storage * 4
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  db_subnet_group_name                = aws_db_subnet_group.main.name
  vpc_security_group_ids              = var.db_security_group_ids
  parameter_group_name                = aws_db_parameter_group.postgres.name
  publicly_accessible                 = false
  iam_database_authentication_enabled = true
  multi_az                            = local.is_prod

  backup_retention_period   = coalesce(var.backup_retention_period, local.is_prod ? 35 : 7)
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot     = true
  deletion_protection       = local.is_prod
  skip_final_snapshot       = !local.is_prod
  final_snapshot_identifier = local.is_prod ? "${var.name}-db-final" : null

  auto_minor_version_upgrade      = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  performance_insights_enabled    = true
  performance_insights_kms_key_id = var.kms_key_arn

  tags = merge(local.tags, {
    DataClassification = "confidential"
  })
}
