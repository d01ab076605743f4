locals {
  builtin = {
    allowed_locations          = "/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c"
    storage_public_access      = "/providers/Microsoft.Authorization/policyDefinitions/4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"
    microsoft_cloud_benchmark  = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
    require_tag_resource_group = "/providers/Microsoft.Authorization/policyDefinitions/96670d01-0a4d-4649-9c89-2d3abc0a5025"
  }
}

# Guardrails: enforced on every subscription of the organisation.
resource "azurerm_management_group_policy_assignment" "allowed_locations" {
  name                 = "allowed-locations"
  display_name         = "Allowed locations"
  management_group_id  = azurerm_management_group.root.id
  policy_definition_id = local.builtin.allowed_locations

  parameters = jsonencode({
    listOfAllowedLocations = { value = var.allowed_locations }
  })
}

resource "azurerm_management_group_policy_assignment" "deny_public_blob" {
  name                 = "deny-public-blob"
  display_name         = "Storage account public access should be disallowed"
  management_group_id  = azurerm_management_group.landing_zones.id
  policy_definition_id = local.builtin.storage_public_access

  parameters = jsonencode({
    effect = { value = "Deny" }
  })

  non_compliance_message {
    content = "Set allow_nested_items_to_be_public = false: blobs are shared through private endpoints and identities."
  }
}

resource "azurerm_management_group_policy_assignment" "owner_tag" {
  name                 = "rg-owner-tag"
  display_name         = "Resource groups carry an owner tag"
  management_group_id  = azurerm_management_group.landing_zones.id
  policy_definition_id = local.builtin.require_tag_resource_group

  parameters = jsonencode({
    tagName = { value = "owner" }
  })
}

# Compliance reporting: the Microsoft cloud security benchmark, audit only.
resource "azurerm_management_group_policy_assignment" "mcsb" {
  name                 = "mcsb"
  display_name         = "Microsoft cloud security benchmark"
  management_group_id  = azurerm_management_group.root.id
  policy_definition_id = local.builtin.microsoft_cloud_benchmark
  enforce              = false
  location             = var.location

  identity {
    type = "SystemAssigned"
  }
}
