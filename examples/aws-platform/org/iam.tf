resource "aws_iam_account_password_policy" "this" {
  minimum_password_length        = 14
  require_lowercase_characters   = true
  require_uppercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  allow_users_to_change_password = true
  max_password_age               = 90
  password_reuse_prevention      = 24
}

# Emergency access when IAM Identity Center is unavailable. Assumable only by the named
# breakglass users, with MFA used in the last hour; every use alarms through CloudTrail.
resource "aws_iam_role" "breakglass" {
  name                 = "${var.org_prefix}-breakglass"
  description          = "Emergency administrator access, MFA required"
  max_session_duration = 3600

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "BreakglassWithMfa"
        Effect    = "Allow"
        Principal = { AWS = var.breakglass_principal_arns }
        Action    = "sts:AssumeRole"
        Condition = {
          Bool            = { "aws:MultiFactorAuthPresent" = "true" }
          NumericLessThan = { "aws:MultiFactorAuthAge" = "3600" }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "breakglass_admin" {
  role       = aws_iam_role.breakglass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

