# METADATA
# title: An IAM password policy requires at least 14 characters
# description: >-
#   The account declares an IAM password policy whose minimum password length
#   is 14 or more, so that any IAM user with console access gets a strong
#   password. Without a policy AWS accepts 8-character passwords.
# custom:
#   id: RUNGS-AWS-IAM-001
#   severity: medium
#   kind: presence
#   resource_types: [aws_iam_account_password_policy]
#   controls: [IAM-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.7"]
#     csa-ccm-v4: ["IAM-02"]
#   remediation: |
#     Declare the account password policy:
#       resource "aws_iam_account_password_policy" "this" {
#         minimum_password_length      = 14
#         password_reuse_prevention    = 24
#         require_symbols              = true
#         require_numbers              = true
#         allow_users_to_change_password = true
#       }
package rungs.aws.iam.password_policy

import rego.v1

import data.rungs.lib

present if {
	some p in lib.resources("aws_iam_account_password_policy")
	# The provider default (absent) is 6 characters.
	long_enough(lib.attr(p, "minimum_password_length", 6))
}

long_enough(v) if lib.is_unknown(v)

long_enough(v) if {
	n := lib.to_num(v)
	n >= 14
}
