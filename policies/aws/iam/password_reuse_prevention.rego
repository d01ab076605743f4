# METADATA
# title: The IAM password policy prevents password reuse
# description: >-
#   The account password policy remembers the last 24 passwords
#   (password_reuse_prevention = 24), so that an IAM user cannot go back to a
#   password that may have leaked. Without the argument AWS allows reuse.
# custom:
#   id: RUNGS-AWS-IAM-008
#   severity: low
#   kind: presence
#   resource_types: [aws_iam_account_password_policy]
#   controls: [IAM-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.8"]
#     csa-ccm-v4: ["IAM-02"]
#   remediation: |
#     Remember the last 24 passwords:
#       resource "aws_iam_account_password_policy" "this" {
#         minimum_password_length   = 14
#         password_reuse_prevention = 24
#       }
package rungs.aws.iam.password_reuse_prevention

import rego.v1

import data.rungs.lib

# Absent means no reuse prevention (0).
remembers_enough(v) if lib.is_unknown(v)

remembers_enough(v) if {
	n := lib.to_num(v)
	n >= 24
}

present if {
	some p in lib.resources("aws_iam_account_password_policy")
	remembers_enough(lib.attr(p, "password_reuse_prevention", 0))
}
