# METADATA
# title: Accounts belong to an AWS Organization with all features
# description: >-
#   An aws_organizations_organization with all features enabled (not only
#   consolidated billing) is managed as code, which is the prerequisite for
#   service control policies, organization trails and delegated security
#   administration.
# custom:
#   id: RUNGS-AWS-ORGANIZATIONS-001
#   severity: medium
#   kind: presence
#   resource_types: [aws_organizations_organization]
#   controls: [ORG-2.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-06"]
#   remediation: |
#     In the management account:
#       resource "aws_organizations_organization" "this" {
#         feature_set                   = "ALL"
#         enabled_policy_types          = ["SERVICE_CONTROL_POLICY"]
#         aws_service_access_principals = ["cloudtrail.amazonaws.com", "guardduty.amazonaws.com"]
#       }
package rungs.aws.organizations.all_features

import rego.v1

import data.rungs.lib

present if {
	some org in lib.resources("aws_organizations_organization")
	# The provider default feature_set is ALL.
	lib.attr(org, "feature_set", "ALL") != "CONSOLIDATED_BILLING"
}
