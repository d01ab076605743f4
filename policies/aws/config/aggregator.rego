# METADATA
# title: AWS Config data is aggregated centrally
# description: >-
#   An AWS Config configuration aggregator is declared, so that the
#   configuration and compliance state of many accounts and regions can be
#   queried from one place.
# custom:
#   id: RUNGS-AWS-CONFIG-003
#   severity: low
#   kind: presence
#   resource_types: [aws_config_configuration_aggregator]
#   controls: [CMP-4.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     From the management or delegated administrator account:
#       resource "aws_config_configuration_aggregator" "org" {
#         name = "organization"
#         organization_aggregation_source {
#           all_regions = true
#           role_arn    = aws_iam_role.config_aggregator.arn
#         }
#       }
package rungs.aws.config.aggregator

import rego.v1

import data.rungs.lib

sources(a) := count(lib.blocks(a, "organization_aggregation_source")) + count(lib.blocks(a, "account_aggregation_source"))

present if {
	some a in lib.resources("aws_config_configuration_aggregator")
	sources(a) > 0
}
