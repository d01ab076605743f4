variable "name" {
  description = "Name suffix of the environment (prod, staging)."
  type        = string
}

variable "location" {
  description = "Region of the data services."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the data services."
  type        = string
}

variable "tenant_id" {
  description = "Microsoft Entra tenant of the key vault."
  type        = string
}

variable "data_subnet_id" {
  description = "Subnet for the private endpoints."
  type        = string
}

variable "app_subnet_id" {
  description = "Subnet of the application tier, allowed through the service firewalls."
  type        = string
}

variable "deployer_ip_ranges" {
  description = "Egress ranges of the deployment runners (data-plane access to the vault)."
  type        = list(string)
}

variable "log_analytics_workspace_id" {
  description = "Central Log Analytics workspace."
  type        = string
}

variable "sql_admin_group" {
  description = "Entra group administering the SQL server."
  type = object({
    name      = string
    object_id = string
  })
}

variable "sql_public_network_access" {
  description = "Allow connections to the SQL server from public networks (behind its firewall rules)."
  type        = bool
  default     = false
}

variable "key_vault_purge_protection" {
  description = "Purge protection of the key vault (cannot be turned off once on)."
  type        = bool
  default     = true
}

variable "soft_delete_retention_days" {
  description = "Days a deleted blob or container can be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.soft_delete_retention_days >= 7 && var.soft_delete_retention_days <= 365
    error_message = "Between 7 and 365 days."
  }
}

variable "database_sku" {
  description = "SKU of the application database."
  type        = string
  default     = "S1"
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
