variable "project_id" {
  description = "Project that hosts the VPC."
  type        = string
}

variable "region" {
  description = "Region of the subnetworks, router and Cloud NAT."
  type        = string
}

variable "name" {
  description = "Name prefix of every network resource, e.g. acme-prod."
  type        = string
}

variable "subnets" {
  description = "Subnetworks by purpose, with their primary range and optional secondary ranges (GKE pods and services)."
  type = map(object({
    cidr             = string
    secondary_ranges = optional(map(string), {})
  }))
}

variable "enable_flow_logs" {
  description = "Turn VPC flow logs on for every subnetwork."
  type        = bool
  default     = true
}

variable "flow_sampling" {
  description = "Share of flows sampled by VPC flow logs."
  type        = number
  default     = 0.5
}

variable "ssh_source_ranges" {
  description = "Ranges allowed to reach SSH on instances tagged \"ssh\". The default is the Identity-Aware Proxy TCP forwarding range."
  type        = list(string)
  default     = ["35.235.240.0/20"]
}

variable "health_check_ports" {
  description = "Ports the Google Cloud load balancer health checks probe."
  type        = list(string)
  default     = ["8080"]
}
