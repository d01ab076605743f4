# Hierarchy under the tenant root group:
#   <organisation>
#   ├── Platform          (management subscription)
#   └── Landing zones
#       ├── Production
#       └── Non-production

resource "azurerm_management_group" "root" {
  display_name = var.organisation
}

resource "azurerm_management_group" "platform" {
  display_name               = "Platform"
  parent_management_group_id = azurerm_management_group.root.id
}

resource "azurerm_management_group" "landing_zones" {
  display_name               = "Landing zones"
  parent_management_group_id = azurerm_management_group.root.id
}

resource "azurerm_management_group" "production" {
  display_name               = "Production"
  parent_management_group_id = azurerm_management_group.landing_zones.id
}

resource "azurerm_management_group" "nonprod" {
  display_name               = "Non-production"
  parent_management_group_id = azurerm_management_group.landing_zones.id
}

locals {
  landing_zone_groups = {
    production = azurerm_management_group.production.id
    nonprod    = azurerm_management_group.nonprod.id
  }
}

resource "azurerm_management_group_subscription_association" "platform" {
  management_group_id = azurerm_management_group.platform.id
  subscription_id     = "/subscriptions/${var.management_subscription_id}"
}

resource "azurerm_management_group_subscription_association" "workloads" {
  for_each = var.subscriptions

  management_group_id = local.landing_zone_groups[each.value.management_group]
  subscription_id     = "/subscriptions/${each.value.subscription_id}"
}
