resource "azurerm_key_vault" "this" {
  name                       = "kv-contoso-${var.name}"
  location                   = var.location
  resource_group_name        = var.resource_group_name
  tenant_id                  = var.tenant_id
  sku_name                   = "premium"
  enable_rbac_authorization  = true
  purge_protection_enabled   = var.key_vault_purge_protection
  soft_delete_retention_days = 90

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = var.deployer_ip_ranges
    virtual_network_subnet_ids = [var.app_subnet_id]
  }

  tags = var.tags
}

resource "azurerm_monitor_diagnostic_setting" "key_vault" {
  name                       = "kv-audit-to-security"
  target_resource_id         = azurerm_key_vault.this.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "audit"
  }
}

locals {
  key_rotation = {
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"
    rotate_before_expiry = "P60D"
  }
}

resource "azurerm_key_vault_key" "storage" {
  name         = "storage-cmk"
  key_vault_id = azurerm_key_vault.this.id
  key_type     = "RSA-HSM"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after         = local.key_rotation.expire_after
    notify_before_expiry = local.key_rotation.notify_before_expiry

    automatic {
      time_before_expiry = local.key_rotation.rotate_before_expiry
    }
  }
}

resource "azurerm_key_vault_key" "aks" {
  name         = "aks-kms"
  key_vault_id = azurerm_key_vault.this.id
  key_type     = "RSA-HSM"
  key_size     = 2048
  key_opts     = ["encrypt", "decrypt", "wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after         = local.key_rotation.expire_after
    notify_before_expiry = local.key_rotation.notify_before_expiry

    automatic {
      time_before_expiry = local.key_rotation.rotate_before_expiry
    }
  }
}
