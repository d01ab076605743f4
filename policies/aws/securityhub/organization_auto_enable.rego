# METADATA
# title: Security Hub is enabled automatically for organization members
# description: >-
#   The Security Hub delegated administrator enables Security Hub for every
#   member account: aws_securityhub_organization_configuration with
#   auto_enable = true, or configuration_type CENTRAL (central configuration
#   policies). Without it, each new account must be enrolled by hand.
# custom:
#   id: RUNGS-AWS-SECURITYHUB-004
#   severity: low
#   kind: presence
#   resource_types: [aws_securityhub_organization_configuration]
#   controls: [VUL-4.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-09"]
#   remediation: |
#     From the Security Hub delegated administrator account:
#       resource "aws_securityhub_organization_configuration" "this" {
#         auto_enable           = true
#         auto_enable_standards = "DEFAULT"
#       }
package rungs.aws.securityhub.organization_auto_enable

import rego.v1

import data.rungs.lib

central(c) if {
	some oc in lib.blocks(c, "organization_configuration")
	t := object.get(oc, "configuration_type", "LOCAL")
	t != "LOCAL"
}

# auto_enable is required by the provider; unknown counts as on.
present if {
	some c in lib.resources("aws_securityhub_organization_configuration")
	not lib.falsy(lib.attr(c, "auto_enable", false))
}

present if {
	some c in lib.resources("aws_securityhub_organization_configuration")
	central(c)
}
