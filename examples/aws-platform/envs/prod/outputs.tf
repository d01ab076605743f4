output "vpc_id" {
  description = "ID of the environment VPC."
  value       = module.network.vpc_id
}

output "alb_dns_name" {
  description = "Public DNS name of the application load balancer."
  value       = aws_lb.app.dns_name
}

output "eks_cluster_endpoint" {
  description = "API endpoint of the EKS cluster."
  value       = aws_eks_cluster.main.endpoint
}

output "ecr_repository_urls" {
  description = "Repository URLs by name."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.repository_url }
}

output "db_endpoint" {
  description = "Endpoint of the application database."
  value       = module.data.db_endpoint
}

output "ci_deploy_role_arn" {
  description = "Role assumed by GitHub Actions."
  value       = aws_iam_role.ci_deploy.arn
}
