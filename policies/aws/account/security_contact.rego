# METADATA
# title: A security contact is registered for the account
# description: >-
#   An aws_account_alternate_contact of type SECURITY is declared, so that AWS
#   security notifications (abuse reports, compromised credentials) reach the
#   security team rather than only the billing owner.
# custom:
#   id: RUNGS-AWS-ACCOUNT-001
#   severity: low
#   kind: presence
#   resource_types: [aws_account_alternate_contact]
#   controls: [ORG-1.1]
#   frameworks:
#     csa-ccm-v4: ["SEF-08"]
#     cis-aws-foundations-5.0: ["1.2"]
#   remediation: |
#     Register the security contact (per account, or per member account via account_id):
#       resource "aws_account_alternate_contact" "security" {
#         alternate_contact_type = "SECURITY"
#         name                   = "Security team"
#         title                  = "Security"
#         email_address          = "security@example.com"
#         phone_number           = "+1-555-0100"
#       }
package rungs.aws.account.security_contact

import rego.v1

import data.rungs.lib

security_type(t) if t == "SECURITY"

security_type(t) if lib.is_unknown(t)

present if {
	some c in lib.resources("aws_account_alternate_contact")
	security_type(lib.attr(c, "alternate_contact_type", ""))
}
