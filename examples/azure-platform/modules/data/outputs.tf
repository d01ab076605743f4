output "key_vault_id" {
  value = azurerm_key_vault.this.id
}

output "aks_kms_key_id" {
  description = "Versioned id of the AKS KMS key."
  value       = azurerm_key_vault_key.aks.id
}

output "sql_server_fqdn" {
  value = azurerm_mssql_server.this.fully_qualified_domain_name
}
