variable "project" {
  description = "Project name, first part of every resource name."
  type        = string
  default     = "acme"
}

variable "env" {
  description = "Environment name."
  type        = string

  validation {
    condition     = contains(["prod", "staging"], var.env)
    error_message = "env must be prod or staging."
  }
}

variable "region" {
  description = "AWS region of this environment."
  type        = string
  default     = "eu-west-1"
}

variable "owner" {
  description = "Team that owns the environment."
  type        = string
  default     = "platform"
}

variable "extra_tags" {
  description = "Additional tags merged into the common tags."
  type        = map(string)
  default     = {}
}

variable "vpc_cidr" {
  description = "CIDR block of the environment VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "azs" {
  description = "Availability zones used by the environment."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "ssh_allowed_cidrs" {
  description = "Networks allowed to SSH to the bastion."
  type        = list(string)
  default     = []
}

variable "enable_flow_logs" {
  description = "Ship VPC flow logs to CloudWatch Logs."
  type        = bool
  default     = true
}

variable "instance_types" {
  description = "Application instance type per environment."
  type        = map(string)
  default = {
    prod    = "m6i.large"
    staging = "t3.medium"
  }
}

variable "app_capacity" {
  description = "Auto Scaling group size."
  type = object({
    min     = number
    max     = number
    desired = number
  })
  default = {
    min     = 2
    max     = 6
    desired = 3
  }
}

variable "certificate_arn" {
  description = "ACM certificate of the public HTTPS listener."
  type        = string
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.r6g.large"
}

variable "db_backup_retention_period" {
  description = "Days of RDS automated backups. Null uses the module's environment default."
  type        = number
  default     = null
}

variable "artifact_versioning" {
  description = "Keep old versions of build artifacts."
  type        = bool
  default     = true
}

variable "eks_version" {
  description = "Kubernetes version of the EKS control plane."
  type        = string
  default     = "1.30"
}

variable "eks_node_instance_type" {
  description = "Instance type of the default EKS node group."
  type        = string
  default     = "m6i.xlarge"
}

variable "ecr_repositories" {
  description = "ECR repositories to create, by name."
  type = map(object({
    immutable    = bool
    scan_on_push = optional(bool, true)
  }))
  default = {}
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose workflows may deploy to this environment."
  type        = string
  default     = "acme/platform"
}

variable "deploy_branch" {
  description = "Branch allowed to assume the CI deploy role."
  type        = string
  default     = "main"
}

variable "partner_sftp_cidrs" {
  description = "Partner address ranges allowed to upload over SFTP; set by the release pipeline (TF_VAR_partner_sftp_cidrs)."
  type        = list(string)
}
