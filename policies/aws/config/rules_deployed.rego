# METADATA
# title: AWS Config rules or conformance packs evaluate resources
# description: >-
#   At least one AWS Config rule or conformance pack (account or organization
#   level) is declared, so that resource configuration is evaluated against
#   compliance rules automatically.
# custom:
#   id: RUNGS-AWS-CONFIG-002
#   severity: low
#   kind: presence
#   resource_types: [aws_config_config_rule, aws_config_conformance_pack, aws_config_organization_managed_rule, aws_config_organization_custom_rule, aws_config_organization_custom_policy_rule, aws_config_organization_conformance_pack]
#   controls: [CMP-3.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Deploy a conformance pack (or individual rules):
#       resource "aws_config_conformance_pack" "cis" {
#         name          = "cis-aws-foundations"
#         template_body = file("${path.module}/conformance/cis.yaml")
#         depends_on    = [aws_config_configuration_recorder.this]
#       }
package rungs.aws.config.rules_deployed

import rego.v1

import data.rungs.lib

types := [
	"aws_config_config_rule",
	"aws_config_conformance_pack",
	"aws_config_organization_managed_rule",
	"aws_config_organization_custom_rule",
	"aws_config_organization_custom_policy_rule",
	"aws_config_organization_conformance_pack",
]

present if {
	some t in types
	lib.has_resource(t)
}
