# METADATA
# title: Security Hub findings are aggregated across regions
# description: >-
#   An aws_securityhub_finding_aggregator is declared, so that findings from
#   every linked region are visible and managed from one home region.
# custom:
#   id: RUNGS-AWS-SECURITYHUB-002
#   severity: low
#   kind: presence
#   resource_types: [aws_securityhub_finding_aggregator]
#   controls: [VUL-4.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-09"]
#   remediation: |
#     In the home region of the Security Hub administrator:
#       resource "aws_securityhub_finding_aggregator" "this" {
#         linking_mode = "ALL_REGIONS"
#         depends_on   = [aws_securityhub_account.this]
#       }
package rungs.aws.securityhub.finding_aggregator

import rego.v1

import data.rungs.lib

present if lib.has_resource("aws_securityhub_finding_aggregator")
