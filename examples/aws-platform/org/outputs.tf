output "organization_id" {
  description = "ID of the AWS organization."
  value       = aws_organizations_organization.this.id
}

output "organizational_unit_ids" {
  description = "OU IDs by name."
  value       = { for name, ou in aws_organizations_organizational_unit.this : name => ou.id }
}

output "cloudtrail_arn" {
  description = "ARN of the organization trail."
  value       = aws_cloudtrail.org.arn
}

output "cloudtrail_bucket" {
  description = "Bucket receiving the organization trail."
  value       = aws_s3_bucket.cloudtrail.id
}

output "security_alerts_topic_arn" {
  description = "SNS topic receiving security alarms."
  value       = aws_sns_topic.security_alerts.arn
}

output "breakglass_role_arn" {
  description = "Emergency access role (MFA required)."
  value       = aws_iam_role.breakglass.arn
}
