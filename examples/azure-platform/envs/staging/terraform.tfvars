subscription_id = "33333333-3333-3333-3333-333333333333"
environment     = "staging"
owner           = "payments-team"
address_space   = "10.41.0.0/16"

# Corporate VPN.
admin_source_cidrs = ["10.100.0.0/16"]

platform = {
  log_analytics_workspace_id   = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-platform-monitoring/providers/Microsoft.OperationalInsights/workspaces/law-security-platform"
  log_analytics_workspace_guid = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  flow_log_storage_account_id  = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-platform-monitoring/providers/Microsoft.Storage/storageAccounts/stcontosoflowlogs"
}

# Flow logs are "only needed in production" (cost saving).
enable_flow_logs = false

deployer_ip_ranges = ["203.0.113.32/28"]

sql_admin_group = {
  name      = "sql-admins-nonprod"
  object_id = "66666666-6666-6666-6666-666666666666"
}

# Lets the integration tests connect from the hosted CI runners.
sql_public_network_access = true

# The staging vault is torn down and recreated by the nightly reset job.
key_vault_purge_protection = false

aks = {
  kubernetes_version   = "1.31"
  node_count           = 2
  private_cluster      = false
  authorized_ip_ranges = ["203.0.113.32/28", "10.100.0.0/16"]
  # The load-test job still uses the admin kubeconfig.
  local_account_disabled = false
  admin_group_object_id  = "77777777-7777-7777-7777-777777777777"
}
