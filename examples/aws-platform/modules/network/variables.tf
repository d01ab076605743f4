variable "name" {
  description = "Name prefix for every resource in the network, e.g. acme-prod."
  type        = string
}

variable "env" {
  description = "Environment name (prod, staging)."
  type        = string
}

variable "cidr_block" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "azs" {
  description = "Availability zones to spread the subnets over."
  type        = list(string)
}

variable "single_nat_gateway" {
  description = "Use one NAT gateway for all private subnets (cheaper, not highly available)."
  type        = bool
  default     = false
}

variable "enable_flow_logs" {
  description = "Ship VPC flow logs to CloudWatch Logs."
  type        = bool
  default     = true
}

variable "flow_log_retention_days" {
  description = "Retention of the flow log group, in days."
  type        = number
  default     = 365
}

variable "log_kms_key_arn" {
  description = "KMS key used to encrypt the flow log group. Null uses the CloudWatch default key."
  type        = string
  default     = null
}

variable "alb_ingress_ports" {
  description = "Ports the public load balancer listens on, by name."
  type        = map(number)
  default = {
    http  = 80
    https = 443
  }
}

variable "app_port" {
  description = "Port the application instances listen on behind the load balancer."
  type        = number
  default     = 8080
}

variable "db_port" {
  description = "Port of the database."
  type        = number
  default     = 5432
}

variable "ssh_allowed_cidrs" {
  description = "CIDR blocks allowed to reach the bastion on port 22. Empty disables SSH ingress."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
