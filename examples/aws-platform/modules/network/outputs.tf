output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per AZ."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets, one per AZ."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "IDs of the database subnets, one per AZ."
  value       = aws_subnet.database[*].id
}

output "alb_security_group_id" {
  description = "Security group of the public load balancer."
  value       = aws_security_group.alb.id
}

output "app_security_group_id" {
  description = "Security group of the application tier."
  value       = aws_security_group.app.id
}

output "db_security_group_id" {
  description = "Security group of the database tier."
  value       = aws_security_group.db.id
}

output "bastion_security_group_id" {
  description = "Security group of the SSH bastion."
  value       = aws_security_group.bastion.id
}

output "flow_log_id" {
  description = "ID of the VPC flow log, or null when flow logs are off."
  value       = one(aws_flow_log.this[*].id)
}
