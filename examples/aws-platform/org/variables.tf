variable "region" {
  description = "Home region of the organization's security services."
  type        = string
  default     = "eu-west-1"
}

variable "org_prefix" {
  description = "Short organization name used in resource names."
  type        = string
  default     = "acme"
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "organizational_units" {
  description = "Top-level organizational units, by name."
  type = map(object({
    purpose = string
  }))
  default = {}
}

variable "allowed_regions" {
  description = "Regions member accounts may use; everything else is denied by SCP."
  type        = list(string)
  default     = ["eu-west-1"]
}

variable "sandbox_instance_types" {
  description = "EC2 instance type patterns allowed in the sandbox OU."
  type        = list(string)
  default     = ["t3.*", "t4g.*"]
}

variable "cloudtrail_log_retention_days" {
  description = "Retention of the CloudTrail log group, in days."
  type        = number
  default     = 365
}

variable "cloudtrail_archive_days" {
  description = "Days CloudTrail objects are kept in S3 (seven years by default)."
  type        = number
  default     = 2557
}

variable "security_alert_emails" {
  description = "Addresses subscribed to security alarms."
  type        = list(string)
  default     = []
}

variable "breakglass_principal_arns" {
  description = "IAM users allowed to assume the breakglass role (with MFA)."
  type        = list(string)
  default     = []
}

variable "security_account_id" {
  description = "Account ID of the security tooling account: delegated administrator of GuardDuty, Security Hub, Macie and Firewall Manager."
  type        = string

  validation {
    condition     = can(regex("^[0-9]{12}$", var.security_account_id))
    error_message = "security_account_id must be a 12-digit AWS account ID."
  }
}

variable "security_contact" {
  description = "Security contact registered on the management account (AWS sends abuse and compromise notices there)."
  type = object({
    name  = string
    title = string
    email = string
    phone = string
  })
}
