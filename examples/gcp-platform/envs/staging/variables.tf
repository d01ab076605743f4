variable "env" {
  description = "Environment name."
  type        = string
}

variable "project_id" {
  description = "Project of the environment (created by the org stack)."
  type        = string
}

variable "region" {
  description = "Home region."
  type        = string
  default     = "europe-west1"
}

variable "subnets" {
  description = "Subnetworks by purpose."
  type = map(object({
    cidr             = string
    secondary_ranges = optional(map(string), {})
  }))
}

variable "enable_flow_logs" {
  description = "VPC flow logs on every subnetwork."
  type        = bool
  default     = true
}

variable "ssh_source_ranges" {
  description = "Ranges allowed to reach SSH (default: Identity-Aware Proxy)."
  type        = list(string)
  default     = ["35.235.240.0/20"]
}

variable "gke_master_cidr" {
  description = "Range of the GKE control plane."
  type        = string
}

variable "gke_private_endpoint" {
  description = "Use only the private endpoint of the GKE control plane."
  type        = bool
  default     = true
}

variable "gke_authorized_networks" {
  description = "Networks allowed to reach the GKE control plane, by display name."
  type        = map(string)
  default     = {}
}

variable "group_roles" {
  description = "Project roles granted to groups: role => group principal."
  type        = map(string)
  default     = {}
}

variable "analysts_group" {
  description = "Group that reads the analytics dataset."
  type        = string
}

variable "sql_tier" {
  description = "Cloud SQL machine tier."
  type        = string
}

variable "dns_domain" {
  description = "Public DNS domain of the environment, with the trailing dot."
  type        = string
}

variable "sql_backup_enabled" {
  description = "Cloud SQL automated backups."
  type        = bool
  default     = true
}

variable "sql_deletion_protection" {
  description = "Cloud SQL deletion protection."
  type        = bool
  default     = true
}

variable "sql_authorized_networks" {
  description = "Public networks allowed to reach Cloud SQL."
  type = list(object({
    name = string
    cidr = string
  }))
  default = []
}
