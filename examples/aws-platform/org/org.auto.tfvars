org_prefix = "acme"
region     = "eu-west-1"

tags = {
  CostCenter = "cc-1000"
  Owner      = "security"
}

organizational_units = {
  security = {
    purpose = "Log archive and security tooling accounts"
  }
  infrastructure = {
    purpose = "Shared networking and CI accounts"
  }
  workloads = {
    purpose = "Production and staging workload accounts"
  }
  sandbox = {
    purpose = "Personal experimentation accounts, no production data"
  }
}

allowed_regions = ["eu-west-1", "eu-central-1"]

security_account_id = "222222222222"

security_contact = {
  name  = "Acme Security Operations"
  title = "Security on-call"
  email = "security-oncall@example.com"
  phone = "+1-555-0100"
}

security_alert_emails = [
  "security-oncall@example.com",
]

breakglass_principal_arns = [
  "arn:aws:iam::111111111111:user/breakglass-alice",
  "arn:aws:iam::111111111111:user/breakglass-bob",
]
