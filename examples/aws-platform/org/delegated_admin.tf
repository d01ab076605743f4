# ---------------------------------------------------------------------------
# Delegated administration: the security tooling account runs GuardDuty,
# Security Hub, Macie and Firewall Manager for the whole organization.
# Registered from the management account, configured in the security account.
# ---------------------------------------------------------------------------

resource "aws_guardduty_organization_admin_account" "security" {
  admin_account_id = var.security_account_id

  depends_on = [aws_organizations_organization.this]
}

resource "aws_securityhub_organization_admin_account" "security" {
  admin_account_id = var.security_account_id

  depends_on = [aws_organizations_organization.this]
}

resource "aws_macie2_organization_admin_account" "security" {
  admin_account_id = var.security_account_id

  depends_on = [aws_organizations_organization.this]
}

resource "aws_fms_admin_account" "security" {
  account_id = var.security_account_id

  depends_on = [aws_organizations_organization.this]
}

# --- GuardDuty: every current and future member account ---------------------

resource "aws_guardduty_detector" "security" {
  provider = aws.security

  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

resource "aws_guardduty_organization_configuration" "this" {
  provider = aws.security

  detector_id                      = aws_guardduty_detector.security.id
  auto_enable_organization_members = "ALL"

  depends_on = [aws_guardduty_organization_admin_account.security]
}

# --- Security Hub: central configuration, findings from every region ----------

resource "aws_securityhub_account" "security" {
  provider = aws.security

  enable_default_standards  = false
  control_finding_generator = "SECURITY_CONTROL"
}

resource "aws_securityhub_organization_configuration" "this" {
  provider = aws.security

  auto_enable           = true
  auto_enable_standards = "DEFAULT"

  depends_on = [aws_securityhub_organization_admin_account.security]
}

resource "aws_securityhub_finding_aggregator" "this" {
  provider = aws.security

  linking_mode = "ALL_REGIONS"

  depends_on = [aws_securityhub_account.security]
}

# --- Macie: sensitive data discovery in every member account ------------------

resource "aws_macie2_account" "security" {
  provider = aws.security

  finding_publishing_frequency = "ONE_HOUR"
  status                       = "ENABLED"
}

resource "aws_macie2_organization_configuration" "this" {
  provider = aws.security

  auto_enable = true

  depends_on = [aws_macie2_organization_admin_account.security, aws_macie2_account.security]
}

# --- Firewall Manager: security group hygiene in the workload accounts -------

resource "aws_fms_policy" "security_group_audit" {
  provider = aws.security

  name                  = "${local.name_prefix}-security-group-usage-audit"
  resource_type         = "AWS::EC2::SecurityGroup"
  exclude_resource_tags = false
  remediation_enabled   = false

  include_map {
    orgunit = [aws_organizations_organizational_unit.this["workloads"].id]
  }

  security_service_policy_data {
    type = "SECURITY_GROUPS_USAGE_AUDIT"
    managed_service_data = jsonencode({
      type                            = "SECURITY_GROUPS_USAGE_AUDIT"
      deleteUnusedSecurityGroups      = false
      coalesceRedundantSecurityGroups = true
    })
  }

  depends_on = [aws_fms_admin_account.security]
}

# ---------------------------------------------------------------------------
# AWS Config: one aggregator for every account and region of the organization
# ---------------------------------------------------------------------------

resource "aws_iam_role" "config_aggregator" {
  name = "${local.name_prefix}-config-aggregator"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "config.amazonaws.com" }
        Action    = "sts:AssumeRole"
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "config_aggregator" {
  role       = aws_iam_role.config_aggregator.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations"
}

resource "aws_config_configuration_aggregator" "organization" {
  name = "${local.name_prefix}-organization"

  organization_aggregation_source {
    all_regions = true
    role_arn    = aws_iam_role.config_aggregator.arn
  }

  depends_on = [aws_iam_role_policy_attachment.config_aggregator]
}
