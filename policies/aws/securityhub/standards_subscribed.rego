# METADATA
# title: Security Hub evaluates a benchmark standard
# description: >-
#   Security Hub is subscribed to at least one security standard
#   (aws_securityhub_standards_subscription, for example the CIS AWS
#   Foundations Benchmark or AWS Foundational Security Best Practices), or
#   enables the default standards on the hub account, so that posture is
#   measured against a benchmark rather than only collecting findings.
# custom:
#   id: RUNGS-AWS-SECURITYHUB-003
#   severity: medium
#   kind: presence
#   resource_types: [aws_securityhub_standards_subscription, aws_securityhub_account, aws_securityhub_configuration_policy]
#   controls: [VUL-3.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Subscribe the hub to the standards you measure against:
#       resource "aws_securityhub_standards_subscription" "cis" {
#         standards_arn = "arn:aws:securityhub:${var.region}::standards/cis-aws-foundations-benchmark/v/3.0.0"
#         depends_on    = [aws_securityhub_account.this]
#       }
#       resource "aws_securityhub_standards_subscription" "fsbp" {
#         standards_arn = "arn:aws:securityhub:${var.region}::standards/aws-foundational-security-best-practices/v/1.0.0"
#         depends_on    = [aws_securityhub_account.this]
#       }
package rungs.aws.securityhub.standards_subscribed

import rego.v1

import data.rungs.lib

present if {
	some s in lib.resources("aws_securityhub_standards_subscription")
	lib.is_set(lib.attr(s, "standards_arn", null))
}

# enable_default_standards defaults to true on aws_securityhub_account
# (it subscribes CIS and FSBP when the hub is enabled).
present if {
	some hub in lib.resources("aws_securityhub_account")
	not lib.falsy(lib.attr(hub, "enable_default_standards", true))
}

# A central configuration policy with standards, from the delegated admin.
present if {
	some p in lib.resources("aws_securityhub_configuration_policy")
	some cp in lib.blocks(p, "configuration_policy")
	not lib.falsy(object.get(cp, "service_enabled", true))
	count(lib.list_or_empty(object.get(cp, "enabled_standard_arns", []))) > 0
}
