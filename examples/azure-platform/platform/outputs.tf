output "log_analytics_workspace_id" {
  description = "Central security workspace, passed to the environment stacks."
  value       = azurerm_log_analytics_workspace.security.id
}

output "management_group_ids" {
  value = {
    root          = azurerm_management_group.root.id
    landing_zones = azurerm_management_group.landing_zones.id
    production    = azurerm_management_group.production.id
    nonprod       = azurerm_management_group.nonprod.id
  }
}
