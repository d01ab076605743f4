subscription_id = "22222222-2222-2222-2222-222222222222"
environment     = "prod"
owner           = "payments-team"
address_space   = "10.40.0.0/16"

# Corporate VPN.
admin_source_cidrs = ["10.100.0.0/16"]

extra_inbound_rules = [
  {
    name        = "allow-partner-webhooks"
    priority    = 150
    port        = "8443"
    source      = "198.51.100.0/24"
    description = "Payment partner webhooks (contract PAY-2291)"
  },
]

platform = {
  log_analytics_workspace_id   = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-platform-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-security-platform"
  log_analytics_workspace_guid = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  flow_log_storage_account_id  = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-platform-monitoring/providers/Microsoft.Storage/storageAccounts/stcontosoflowlogs"
}

deployer_ip_ranges = ["203.0.113.32/28"]

sql_admin_group = {
  name      = "sql-admins-prod"
  object_id = "44444444-4444-4444-4444-444444444444"
}

aks = {
  kubernetes_version    = "1.31"
  node_count            = 3
  private_cluster       = true
  admin_group_object_id = "55555555-5555-5555-5555-555555555555"
}

# The payment partner's token is set by the release pipeline
# (TF_VAR_partner_api_token); here a placeholder keeps plans reproducible.
partner_api_token = "set-by-pipeline"
