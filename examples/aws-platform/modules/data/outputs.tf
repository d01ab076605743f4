output "logs_bucket_id" {
  description = "Name of the access log bucket."
  value       = aws_s3_bucket.logs.id
}

output "artifacts_bucket_id" {
  description = "Name of the build artifact bucket."
  value       = aws_s3_bucket.artifacts.id
}

output "artifacts_bucket_arn" {
  description = "ARN of the build artifact bucket."
  value       = aws_s3_bucket.artifacts.arn
}

output "backups_bucket_arn" {
  description = "ARN of the backup bucket."
  value       = aws_s3_bucket.backups.arn
}

output "db_instance_id" {
  description = "Identifier of the RDS instance."
  value       = aws_db_instance.main.identifier
}

output "db_endpoint" {
  description = "Connection endpoint of the RDS instance."
  value       = aws_db_instance.main.endpoint
}

output "db_master_secret_arn" {
  description = "Secrets Manager secret holding the master password."
  value       = aws_db_instance.main.master_user_secret[0].secret_arn
}
