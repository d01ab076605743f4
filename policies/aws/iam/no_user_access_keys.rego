# METADATA
# title: No active IAM user access keys are created in code
# description: >-
#   Infrastructure code does not create active long-lived IAM user access
#   keys (aws_iam_access_key). Such keys end up in Terraform state and outputs
#   and never expire; workloads should assume roles and people should
#   federate. A key declared with status = "Inactive" (being retired) passes.
# custom:
#   id: RUNGS-AWS-IAM-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_iam_access_key]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Remove the aws_iam_access_key and give the workload a role instead, e.g.
#     an instance profile, an IRSA/EKS Pod Identity role, or an OIDC role for CI:
#       resource "aws_iam_role" "ci" {
#         name               = "ci-deploy"
#         assume_role_policy = data.aws_iam_policy_document.github_oidc.json
#       }
package rungs.aws.iam.no_user_access_keys

import rego.v1

import data.rungs.lib

deny contains finding if {
	some key in lib.resources("aws_iam_access_key")
	# The provider default status is Active.
	lib.attr(key, "status", "Active") == "Active"
	finding := lib.finding(key, "Long-lived IAM access key created in code; use a role instead")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_iam_access_key"], ["status"])
}
