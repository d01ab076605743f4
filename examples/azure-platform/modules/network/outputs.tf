output "vnet_id" {
  value = azurerm_virtual_network.this.id
}

output "subnet_ids" {
  description = "Subnet ids by name."
  value       = { for k, s in azurerm_subnet.this : k => s.id }
}

output "app_nsg_id" {
  value = azurerm_network_security_group.app.id
}
