variable "management_subscription_id" {
  description = "Subscription holding the shared platform services (logging, security)."
  type        = string
}

variable "organisation" {
  description = "Display name of the top management group."
  type        = string
}

variable "location" {
  description = "Region of the platform resources."
  type        = string
  default     = "westeurope"
}

variable "allowed_locations" {
  description = "Regions workloads may be deployed to."
  type        = list(string)
}

variable "subscriptions" {
  description = "Workload subscriptions and the management group (production or nonprod) each belongs to."
  type = map(object({
    subscription_id  = string
    management_group = string
  }))

  validation {
    condition     = alltrue([for s in values(var.subscriptions) : contains(["production", "nonprod"], s.management_group)])
    error_message = "management_group must be production or nonprod."
  }
}

variable "security_contact_email" {
  description = "Shared mailbox of the cloud security team."
  type        = string
}

variable "defender_storage_tier" {
  description = "Tier of Microsoft Defender for Storage (Standard or Free)."
  type        = string
  default     = "Standard"
}

variable "log_retention_days" {
  description = "Retention of the central security workspace."
  type        = number
  default     = 365
}
