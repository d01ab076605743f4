resource "azurerm_user_assigned_identity" "storage" {
  name                = "id-storage-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "storage_key" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Crypto Service Encryption User"
  principal_id         = azurerm_user_assigned_identity.storage.principal_id
}

resource "azurerm_storage_account" "data" {
  name                            = "stcontosodata${var.name}"
  resource_group_name             = var.resource_group_name
  location                        = var.location
  account_kind                    = "StorageV2"
  account_tier                    = "Standard"
  account_replication_type        = var.name == "prod" ? "GZRS" : "ZRS"
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  public_network_access_enabled   = false

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.storage.id]
  }

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = var.soft_delete_retention_days
    }

    container_delete_retention_policy {
      days = var.soft_delete_retention_days
    }
  }

  lifecycle {
    ignore_changes = [customer_managed_key]
  }

  tags = var.tags
}

resource "azurerm_storage_account_customer_managed_key" "data" {
  storage_account_id        = azurerm_storage_account.data.id
  key_vault_id              = azurerm_key_vault.this.id
  key_name                  = azurerm_key_vault_key.storage.name
  user_assigned_identity_id = azurerm_user_assigned_identity.storage.id

  depends_on = [azurerm_role_assignment.storage_key]
}

resource "azurerm_private_endpoint" "blob" {
  name                = "pe-blob-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.data_subnet_id

  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.data.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}
