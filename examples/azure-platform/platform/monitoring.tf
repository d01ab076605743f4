data "azurerm_subscription" "current" {}

resource "azurerm_resource_group" "monitoring" {
  name     = "rg-platform-monitoring"
  location = var.location

  tags = {
    owner = "platform-team"
  }
}

resource "azurerm_log_analytics_workspace" "security" {
  name                = "law-security-platform"
  location            = azurerm_resource_group.monitoring.location
  resource_group_name = azurerm_resource_group.monitoring.name
  sku                 = "PerGB2018"
  retention_in_days   = var.log_retention_days
}

# Activity log of the management subscription to the central workspace.
resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log-to-security"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  dynamic "enabled_log" {
    for_each = toset(["Administrative", "Security", "Policy", "Alert"])
    content {
      category = enabled_log.value
    }
  }
}

resource "azurerm_monitor_action_group" "security" {
  name                = "ag-cloud-security"
  resource_group_name = azurerm_resource_group.monitoring.name
  short_name          = "cloudsec"

  email_receiver {
    name          = "cloud-security"
    email_address = var.security_contact_email
  }
}

locals {
  # CIS Microsoft Azure Foundations 3.0.0, section 6.2.
  watched_operations = {
    policy-assignment-write = "Microsoft.Authorization/policyAssignments/write"
    nsg-write               = "Microsoft.Network/networkSecurityGroups/write"
    nsg-delete              = "Microsoft.Network/networkSecurityGroups/delete"
    sql-firewall-write      = "Microsoft.Sql/servers/firewallRules/write"
    public-ip-write         = "Microsoft.Network/publicIPAddresses/write"
  }
}

resource "azurerm_monitor_activity_log_alert" "policy_assignment_delete" {
  name                = "policy-assignment-delete"
  resource_group_name = azurerm_resource_group.monitoring.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]
  description         = "A policy assignment was deleted."

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Authorization/policyAssignments/delete"
  }

  action {
    action_group_id = azurerm_monitor_action_group.security.id
  }
}

resource "azurerm_monitor_activity_log_alert" "watched" {
  for_each = local.watched_operations

  name                = each.key
  resource_group_name = azurerm_resource_group.monitoring.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = each.value
  }

  action {
    action_group_id = azurerm_monitor_action_group.security.id
  }
}
