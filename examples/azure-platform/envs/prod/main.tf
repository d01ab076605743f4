data "azurerm_client_config" "current" {}

locals {
  tags = {
    environment = var.environment
    owner       = var.owner
    managed_by  = "terraform"
  }

  subnets = {
    app  = { netnum = 1 }
    data = { netnum = 2 }
    aks  = { netnum = 16 }
  }
}

resource "azurerm_resource_group" "main" {
  name     = "rg-contoso-${var.environment}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source = "../../modules/network"

  name                         = var.environment
  location                     = azurerm_resource_group.main.location
  resource_group_name          = azurerm_resource_group.main.name
  address_space                = var.address_space
  subnets                      = local.subnets
  admin_source_cidrs           = var.admin_source_cidrs
  extra_inbound_rules          = var.extra_inbound_rules
  enable_flow_logs             = var.enable_flow_logs
  flow_log_storage_account_id  = var.platform.flow_log_storage_account_id
  log_analytics_workspace_id   = var.platform.log_analytics_workspace_id
  log_analytics_workspace_guid = var.platform.log_analytics_workspace_guid
  tags                         = local.tags
}

module "data" {
  source = "../../modules/data"

  name                       = var.environment
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  data_subnet_id             = module.network.subnet_ids["data"]
  app_subnet_id              = module.network.subnet_ids["app"]
  deployer_ip_ranges         = var.deployer_ip_ranges
  log_analytics_workspace_id = var.platform.log_analytics_workspace_id
  sql_admin_group            = var.sql_admin_group
  sql_public_network_access  = var.sql_public_network_access
  key_vault_purge_protection = var.key_vault_purge_protection
  database_sku               = var.environment == "prod" ? "S3" : "S1"
  tags                       = local.tags
}

# Partner SFTP uploads. The partner's address prefixes come from the release pipeline
# (TF_VAR_partner_source_prefixes), not from the repository: the scan cannot know whether this
# opens port 22 to the internet, so the rule is reported `unknown`, not passed.
resource "azurerm_network_security_rule" "partner_sftp" {
  name                        = "allow-partner-sftp"
  description                 = "Partner SFTP uploads"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefixes     = var.partner_source_prefixes
  destination_address_prefix  = "VirtualNetwork"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = "nsg-app-${var.environment}"
}
