# Microsoft Defender for Cloud plans of the management subscription. Each
# workload subscription gets the same plans from its own stack.
locals {
  defender_standard_plans = {
    servers    = "VirtualMachines"
    containers = "Containers"
    sql        = "SqlServers"
    key_vaults = "KeyVaults"
    arm        = "Arm"
  }
}

resource "azurerm_security_center_subscription_pricing" "standard" {
  for_each = local.defender_standard_plans

  tier          = "Standard"
  resource_type = each.value
}

resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = var.defender_storage_tier
  resource_type = "StorageAccounts"
}

resource "azurerm_security_center_contact" "security" {
  name                = "cloud-security"
  email               = var.security_contact_email
  alert_notifications = true
  alerts_to_admins    = true
}
