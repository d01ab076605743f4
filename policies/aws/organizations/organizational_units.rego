# METADATA
# title: Accounts are grouped into organizational units
# description: >-
#   At least one aws_organizations_organizational_unit is declared, so that
#   accounts are grouped by environment or function and controls can be
#   attached per group rather than per account.
# custom:
#   id: RUNGS-AWS-ORGANIZATIONS-002
#   severity: low
#   kind: presence
#   resource_types: [aws_organizations_organizational_unit]
#   controls: [ORG-3.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-05"]
#   remediation: |
#     Create OUs under the root and place accounts in them:
#       resource "aws_organizations_organizational_unit" "workloads_prod" {
#         name      = "workloads-prod"
#         parent_id = aws_organizations_organization.this.roots[0].id
#       }
package rungs.aws.organizations.organizational_units

import rego.v1

import data.rungs.lib

present if lib.has_resource("aws_organizations_organizational_unit")
