# METADATA
# title: Network guardrails are managed centrally
# description: >-
#   An AWS Firewall Manager policy or an AWS Network Firewall is declared, so
#   that network rules are enforced or traffic inspected from a central place
#   rather than left to each team's security groups.
# custom:
#   id: RUNGS-AWS-NETWORKFIREWALL-001
#   severity: low
#   kind: presence
#   resource_types: [aws_fms_policy, aws_networkfirewall_firewall]
#   controls: [NET-4.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     For example, audit security groups across the organization with Firewall Manager:
#       resource "aws_fms_policy" "sg_audit" {
#         name                  = "security-group-usage-audit"
#         resource_type         = "AWS::EC2::SecurityGroup"
#         exclude_resource_tags = false
#         remediation_enabled   = false
#         security_service_policy_data {
#           type                 = "SECURITY_GROUPS_USAGE_AUDIT"
#           managed_service_data = jsonencode({ type = "SECURITY_GROUPS_USAGE_AUDIT", deleteUnusedSecurityGroups = false, coalesceRedundantSecurityGroups = false })
#         }
#       }
package rungs.aws.networkfirewall.central_network_guardrails

import rego.v1

import data.rungs.lib

present if lib.has_resource("aws_fms_policy")

present if lib.has_resource("aws_networkfirewall_firewall")
