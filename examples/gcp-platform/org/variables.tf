variable "org_id" {
  description = "Numeric id of the organization."
  type        = string
}

variable "customer_id" {
  description = "Cloud Identity customer id of the organization (for domain restricted sharing)."
  type        = string
}

variable "billing_account" {
  description = "Billing account of every project."
  type        = string
}

variable "region" {
  description = "Home region."
  type        = string
  default     = "europe-west1"
}

variable "security_project_id" {
  description = "Project of the security team: central logs, findings and alerts."
  type        = string
  default     = "acme-security"
}

variable "folders" {
  description = "Top-level folders."
  type        = set(string)
  default     = ["prod", "nonprod", "shared"]
}

variable "projects" {
  description = "Projects by id, with their folder."
  type = map(object({
    name   = string
    folder = string
  }))
}

variable "enforced_constraints" {
  description = "Boolean organization policy constraints enforced on the whole organization."
  type        = set(string)
}

variable "org_admin_roles" {
  description = "Organization roles of the platform and security groups: role => group principal."
  type        = map(string)
}

variable "security_email" {
  description = "Mailbox of the security team."
  type        = string
}
