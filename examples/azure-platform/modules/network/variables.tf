variable "name" {
  description = "Name suffix of the environment (prod, staging)."
  type        = string
}

variable "location" {
  description = "Region of the network."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the network resources."
  type        = string
}

variable "address_space" {
  description = "Address space of the virtual network."
  type        = string
}

variable "subnets" {
  description = "Subnets, by name, as offsets (newbits 8) into the address space, and whether the app NSG applies."
  type = map(object({
    netnum  = number
    app_nsg = optional(bool, true)
  }))
}

variable "admin_source_cidrs" {
  description = "Ranges allowed to reach the VMs over SSH (the VPN)."
  type        = list(string)
}

variable "extra_inbound_rules" {
  description = "Additional inbound allow rules of the app NSG."
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
  description = "Create the virtual network flow log."
  type        = bool
  default     = true
}

variable "flow_log_storage_account_id" {
  description = "Storage account receiving the flow logs."
  type        = string
}

variable "log_analytics_workspace_id" {
  description = "Resource id of the central Log Analytics workspace (traffic analytics)."
  type        = string
}

variable "log_analytics_workspace_guid" {
  description = "Workspace (customer) id of the central Log Analytics workspace."
  type        = string
}

variable "tags" {
  description = "Tags of every resource."
  type        = map(string)
  default     = {}
}
