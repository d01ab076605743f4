resource "azurerm_user_assigned_identity" "aks" {
  name                = "id-aks-${var.environment}"
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  tags                = local.tags
}

resource "azurerm_role_assignment" "aks_kms" {
  scope                = module.data.key_vault_id
  role_definition_name = "Key Vault Crypto User"
  principal_id         = azurerm_user_assigned_identity.aks.principal_id
}

resource "azurerm_kubernetes_cluster" "main" {
  name                              = "aks-contoso-${var.environment}"
  location                          = azurerm_resource_group.main.location
  resource_group_name               = azurerm_resource_group.main.name
  dns_prefix                        = "contoso-${var.environment}"
  kubernetes_version                = var.aks.kubernetes_version
  private_cluster_enabled           = var.aks.private_cluster
  role_based_access_control_enabled = true
  local_account_disabled            = var.aks.local_account_disabled
  oidc_issuer_enabled               = true
  workload_identity_enabled         = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    admin_group_object_ids = [var.aks.admin_group_object_id]
  }

  dynamic "api_server_access_profile" {
    for_each = var.aks.private_cluster ? [] : [1]
    content {
      authorized_ip_ranges = var.aks.authorized_ip_ranges
    }
  }

  default_node_pool {
    name                    = "system"
    vm_size                 = var.aks.vm_size
    node_count              = var.aks.node_count
    vnet_subnet_id          = module.network.subnet_ids["aks"]
    host_encryption_enabled = true
    zones                   = ["1", "2", "3"]
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.aks.id]
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "calico"
    load_balancer_sku   = "standard"
  }

  key_management_service {
    key_vault_key_id         = module.data.aks_kms_key_id
    key_vault_network_access = "Public"
  }

  oms_agent {
    log_analytics_workspace_id = var.platform.log_analytics_workspace_id
  }

  tags = local.tags

  depends_on = [azurerm_role_assignment.aks_kms]
}
