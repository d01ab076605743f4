resource "azurerm_network_security_group" "app" {
  name                = "nsg-app-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  security_rule {
    name                       = "allow-https-frontdoor"
    description                = "HTTPS from Azure Front Door to the application tier"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "AzureFrontDoor.Backend"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "allow-lb-probes"
    description                = "Health probes of the Azure load balancer"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_ranges    = ["8080-8081"]
    source_address_prefix      = "AzureLoadBalancer"
    destination_address_prefix = "VirtualNetwork"
  }

  dynamic "security_rule" {
    for_each = var.extra_inbound_rules
    content {
      name                       = security_rule.value.name
      description                = security_rule.value.description
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = security_rule.value.source
      destination_address_prefix = "VirtualNetwork"
    }
  }

  security_rule {
    name                       = "deny-internet-inbound"
    description                = "Everything else from the internet is dropped"
    priority                   = 4000
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "*"
    source_port_range          = "*"
    destination_port_range     = "*"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

# Administration over SSH, kept as a separate rule so that the platform team
# can change the source ranges without touching the application rules.
resource "azurerm_network_security_rule" "admin_ssh" {
  name                        = "allow-admin-ssh"
  description                 = "SSH from the corporate VPN"
  network_security_group_name = azurerm_network_security_group.app.name
  resource_group_name         = var.resource_group_name
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefixes     = var.admin_source_cidrs
  destination_address_prefix  = "VirtualNetwork"
}
