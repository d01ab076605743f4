# METADATA
# title: Service control policies are attached
# description: >-
#   A service control policy (aws_organizations_policy of type
#   SERVICE_CONTROL_POLICY) is declared and attached to a root, OU or account,
#   so that preventive guardrails bind every member account.
# custom:
#   id: RUNGS-AWS-ORGANIZATIONS-003
#   severity: medium
#   kind: presence
#   resource_types: [aws_organizations_policy, aws_organizations_policy_attachment]
#   controls: [ORG-4.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Declare a guardrail and attach it:
#       resource "aws_organizations_policy" "deny_leave_org" {
#         name    = "deny-leave-organization"
#         type    = "SERVICE_CONTROL_POLICY"
#         content = data.aws_iam_policy_document.deny_leave_org.json
#       }
#       resource "aws_organizations_policy_attachment" "root" {
#         policy_id = aws_organizations_policy.deny_leave_org.id
#         target_id = aws_organizations_organization.this.roots[0].id
#       }
package rungs.aws.organizations.scp_attached

import rego.v1

import data.rungs.lib

# The provider default type is SERVICE_CONTROL_POLICY.
scp(p) if lib.attr(p, "type", "SERVICE_CONTROL_POLICY") == "SERVICE_CONTROL_POLICY"

scp(p) if lib.is_unknown(lib.attr(p, "type", null))

# The attachment refers to this policy.
attaches(a, p) if {
	lib.designates(lib.attr(a, "policy_id", null), p, lib.module_of(a))
}

# The attachment's policy cannot be told (a variable, a literal id, a module
# output): it may be this one.
attaches(a, _) if {
	v := lib.attr(a, "policy_id", null)
	not lib.refers_to_type(v, "aws_organizations_policy", lib.module_of(a))
}

present if {
	some p in lib.resources("aws_organizations_policy")
	scp(p)
	some a in lib.resources("aws_organizations_policy_attachment")
	attaches(a, p)
}
