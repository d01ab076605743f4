# METADATA
# title: IAM Access Analyzer covers the organization
# description: >-
#   An IAM Access Analyzer of type ORGANIZATION (external or unused access)
#   exists, so that resources shared outside the organization are detected
#   across every member account.
# custom:
#   id: RUNGS-AWS-IAM-006
#   severity: medium
#   kind: presence
#   resource_types: [aws_accessanalyzer_analyzer]
#   controls: [IAM-4.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.19"]
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     From the management or delegated administrator account:
#       resource "aws_accessanalyzer_analyzer" "org" {
#         analyzer_name = "organization"
#         type          = "ORGANIZATION"
#       }
package rungs.aws.iam.access_analyzer

import rego.v1

import data.rungs.lib

org_type(t) if t in {"ORGANIZATION", "ORGANIZATION_UNUSED_ACCESS"}

org_type(t) if lib.is_unknown(t)

present if {
	some a in lib.resources("aws_accessanalyzer_analyzer")
	# The provider default is ACCOUNT.
	org_type(lib.attr(a, "type", "ACCOUNT"))
}
