# Credentials the application reads from the environment's key vault.
resource "azurerm_key_vault_secret" "partner_api_token" {
  count = var.partner_api_token == null ? 0 : 1

  name         = "partner-api-token"
  value        = var.partner_api_token
  key_vault_id = module.data.key_vault_id
  content_type = "text/plain"
}
