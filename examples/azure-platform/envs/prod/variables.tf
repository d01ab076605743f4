variable "subscription_id" {
  description = "Workload subscription of the environment."
  type        = string
}

variable "environment" {
  description = "Environment name."
  type        = string

  validation {
    condition     = contains(["prod", "staging"], var.environment)
    error_message = "prod or staging."
  }
}

variable "location" {
  description = "Region of the environment."
  type        = string
  default     = "westeurope"
}

variable "address_space" {
  description = "Address space of the environment's virtual network."
  type        = string
}

variable "admin_source_cidrs" {
  description = "Ranges allowed to administer the VMs over SSH."
  type        = list(string)
}

variable "extra_inbound_rules" {
  description = "Additional inbound rules of the application NSG."
  type = list(object({
    name        = string
    priority    = number
    port        = string
    source      = string
    description = string
  }))
  default = []
}

variable "enable_flow_logs" {
  description = "Virtual network flow logs."
  type        = bool
  default     = true
}

variable "platform" {
  description = "Shared services of the platform stack."
  type = object({
    log_analytics_workspace_id   = string
    log_analytics_workspace_guid = string
    flow_log_storage_account_id  = string
  })
}

variable "deployer_ip_ranges" {
  description = "Egress ranges of the deployment runners."
  type        = list(string)
}

variable "sql_admin_group" {
  description = "Entra group administering the SQL server."
  type = object({
    name      = string
    object_id = string
  })
}

variable "sql_public_network_access" {
  description = "SQL server reachable from public networks."
  type        = bool
  default     = false
}

variable "key_vault_purge_protection" {
  description = "Purge protection of the environment's key vault."
  type        = bool
  default     = true
}

variable "aks" {
  description = "AKS settings."
  type = object({
    kubernetes_version     = string
    node_count             = number
    vm_size                = optional(string, "Standard_D4ds_v5")
    private_cluster        = bool
    authorized_ip_ranges   = optional(list(string), [])
    admin_group_object_id  = string
    local_account_disabled = optional(bool, true)
  })
}

variable "partner_api_token" {
  description = "Token of the payment partner's API (set by the pipeline)."
  type        = string
  sensitive   = true
  default     = null
}

variable "owner" {
  description = "Owning team, for the owner tag."
  type        = string
}

variable "partner_source_prefixes" {
  description = "Partner address prefixes allowed to upload over SFTP; set by the release pipeline (TF_VAR_partner_source_prefixes)."
  type        = list(string)
}
