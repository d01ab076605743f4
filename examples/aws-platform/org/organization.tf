data "aws_caller_identity" "current" {}

locals {
  name_prefix = "${var.org_prefix}-org"
  account_id  = data.aws_caller_identity.current.account_id
  root_id     = aws_organizations_organization.this.roots[0].id

  tags = merge(var.tags, {
    ManagedBy = "terraform"
    Stack     = "org"
  })

  # Global services whose endpoints sit in us-east-1: exempt from the region restriction.
  global_service_actions = [
    "account:*",
    "budgets:*",
    "ce:*",
    "cloudfront:*",
    "health:*",
    "iam:*",
    "organizations:*",
    "route53:*",
    "sts:*",
    "support:*",
    "waf:*",
  ]

  # Only these roles may touch the security baseline in member accounts.
  security_admin_role_patterns = [
    "arn:aws:iam::*:role/OrganizationAccountAccessRole",
    "arn:aws:iam::*:role/${var.org_prefix}-breakglass",
  ]
}

resource "aws_organizations_organization" "this" {
  feature_set = "ALL"

  aws_service_access_principals = [
    "access-analyzer.amazonaws.com",
    "backup.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "config-multiaccountsetup.amazonaws.com",
    "config.amazonaws.com",
    "fms.amazonaws.com",
    "guardduty.amazonaws.com",
    "macie.amazonaws.com",
    "securityhub.amazonaws.com",
    "sso.amazonaws.com",
  ]

  enabled_policy_types = [
    "BACKUP_POLICY",
    "SERVICE_CONTROL_POLICY",
  ]
}

resource "aws_organizations_organizational_unit" "this" {
  for_each = var.organizational_units

  name      = each.key
  parent_id = local.root_id

  tags = merge(local.tags, {
    Purpose = each.value.purpose
  })
}

# ---------------------------------------------------------------------------
# Service control policies
# ---------------------------------------------------------------------------

resource "aws_organizations_policy" "baseline" {
  name        = "${local.name_prefix}-baseline-guardrails"
  description = "Deny leaving the organization, root user actions and tampering with security services"
  type        = "SERVICE_CONTROL_POLICY"

  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DenyLeaveOrganization"
        Effect   = "Deny"
        Action   = "organizations:LeaveOrganization"
        Resource = "*"
      },
      {
        Sid      = "DenyRootUser"
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = {
          StringLike = { "aws:PrincipalArn" = "arn:aws:iam::*:root" }
        }
      },
      {
        Sid    = "ProtectSecurityServices"
        Effect = "Deny"
        Action = [
          "access-analyzer:DeleteAnalyzer",
          "cloudtrail:DeleteTrail",
          "cloudtrail:PutEventSelectors",
          "cloudtrail:StopLogging",
          "cloudtrail:UpdateTrail",
          "config:DeleteConfigurationRecorder",
          "config:DeleteDeliveryChannel",
          "config:StopConfigurationRecorder",
          "guardduty:DeleteDetector",
          "guardduty:DisassociateFromMasterAccount",
          "guardduty:UpdateDetector",
          "securityhub:DisableSecurityHub",
          "s3:PutAccountPublicAccessBlock",
          "ec2:DisableEbsEncryptionByDefault",
        ]
        Resource = "*"
        Condition = {
          ArnNotLike = { "aws:PrincipalArn" = local.security_admin_role_patterns }
        }
      },
    ]
  })
}

resource "aws_organizations_policy" "region_restriction" {
  name        = "${local.name_prefix}-region-restriction"
  description = format("Deny regional services outside %s", join(", ", var.allowed_regions))
  type        = "SERVICE_CONTROL_POLICY"

  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyOutsideAllowedRegions"
        Effect    = "Deny"
        NotAction = local.global_service_actions
        Resource  = "*"
        Condition = {
          StringNotEquals = { "aws:RequestedRegion" = var.allowed_regions }
          ArnNotLike      = { "aws:PrincipalArn" = local.security_admin_role_patterns }
        }
      },
    ]
  })
}

resource "aws_organizations_policy" "sandbox_limits" {
  name        = "${local.name_prefix}-sandbox-limits"
  description = "Small instances only and no long-term access keys in sandbox accounts"
  type        = "SERVICE_CONTROL_POLICY"

  content = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "SmallInstancesOnly"
        Effect   = "Deny"
        Action   = "ec2:RunInstances"
        Resource = "arn:aws:ec2:*:*:instance/*"
        Condition = {
          StringNotLike = { "ec2:InstanceType" = var.sandbox_instance_types }
        }
      },
      {
        Sid      = "NoAccessKeys"
        Effect   = "Deny"
        Action   = ["iam:CreateAccessKey", "iam:CreateUser"]
        Resource = "*"
      },
    ]
  })
}

resource "aws_organizations_policy_attachment" "baseline_root" {
  policy_id = aws_organizations_policy.baseline.id
  target_id = local.root_id
}

resource "aws_organizations_policy_attachment" "region_restriction_root" {
  policy_id = aws_organizations_policy.region_restriction.id
  target_id = local.root_id
}

resource "aws_organizations_policy_attachment" "sandbox_limits" {
  policy_id = aws_organizations_policy.sandbox_limits.id
  target_id = aws_organizations_organizational_unit.this["sandbox"].id
}

# ---------------------------------------------------------------------------
# Backup policy: daily backups of everything tagged backup=daily in the
# workload accounts, kept 35 days in the accounts' default vault.
# ---------------------------------------------------------------------------

resource "aws_organizations_policy" "backups" {
  name        = "${local.name_prefix}-daily-backups"
  description = "Daily AWS Backup plan for resources tagged backup=daily"
  type        = "BACKUP_POLICY"

  content = jsonencode({
    plans = {
      daily = {
        regions = { "@@assign" = var.allowed_regions }
        rules = {
          daily = {
            schedule_expression         = { "@@assign" = "cron(0 3 ? * * *)" }
            start_backup_window_minutes = { "@@assign" = "60" }
            target_backup_vault_name    = { "@@assign" = "Default" }
            lifecycle = {
              delete_after_days = { "@@assign" = "35" }
            }
          }
        }
        selections = {
          tags = {
            daily = {
              iam_role_arn = { "@@assign" = "arn:aws:iam::$account:role/${var.org_prefix}-backup" }
              tag_key      = { "@@assign" = "backup" }
              tag_value    = { "@@assign" = ["daily"] }
            }
          }
        }
      }
    }
  })
}

resource "aws_organizations_policy_attachment" "backups_workloads" {
  policy_id = aws_organizations_policy.backups.id
  target_id = aws_organizations_organizational_unit.this["workloads"].id
}

# ---------------------------------------------------------------------------
# Security contact of the management account
# ---------------------------------------------------------------------------

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = "SECURITY"

  name          = var.security_contact.name
  title         = var.security_contact.title
  email_address = var.security_contact.email
  phone_number  = var.security_contact.phone
}
