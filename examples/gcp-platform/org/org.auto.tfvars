org_id          = "123456789012"
customer_id     = "C01abcd2e"
billing_account = "01A2B3-C4D5E6-F7A8B9"
region          = "europe-west1"

projects = {
  acme-security = {
    name   = "Security"
    folder = "shared"
  }
  acme-app-prod = {
    name   = "App production"
    folder = "prod"
  }
  acme-app-staging = {
    name   = "App staging"
    folder = "nonprod"
  }
}

enforced_constraints = [
  "iam.disableServiceAccountKeyCreation",
  "iam.automaticIamGrantsForDefaultServiceAccounts",
  "compute.requireOsLogin",
  "compute.skipDefaultNetworkCreation",
  "compute.disableSerialPortAccess",
  "storage.uniformBucketLevelAccess",
  "storage.publicAccessPrevention",
]

org_admin_roles = {
  "roles/resourcemanager.organizationAdmin" = "group:gcp-org-admins@acme.example"
  "roles/securitycenter.admin"              = "group:security@acme.example"
  "roles/logging.viewer"                    = "group:security@acme.example"
  "roles/billing.user"                      = "group:gcp-billing@acme.example"
}

security_email = "security@acme.example"
