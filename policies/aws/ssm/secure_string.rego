# METADATA
# title: SSM parameters holding secrets are SecureString
# description: >-
#   SSM parameters whose name says they hold a secret (password, secret, token,
#   api key, private key, credential) use type SecureString, so that the value
#   is encrypted with KMS and reading it needs kms:Decrypt. A String or
#   StringList parameter stores the secret in clear text.
# custom:
#   id: RUNGS-AWS-SSM-001
#   severity: high
#   kind: resource
#   resource_types: [aws_ssm_parameter]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Store the secret as a SecureString (and keep its value out of the code):
#       resource "aws_ssm_parameter" "db_password" {
#         name   = "/app/db/password"
#         type   = "SecureString"
#         key_id = aws_kms_key.params.arn
#         value  = random_password.db.result
#       }
package rungs.aws.ssm.secure_string

import rego.v1

import data.rungs.lib

# Matched against the lower-cased name (regorus does not support the (?i) flag).
secret_name_pattern := `(passw(or)?d|secret|token|api[-_]?key|private[-_]?key|credential)`

secret_name(r) if {
	n := lib.attr(r, "name", "")
	is_string(n)
	regex.match(secret_name_pattern, lower(n))
}

plain(r) if {
	t := lib.attr(r, "type", null)
	lib.is_known_string(t)
	t != "SecureString"
}

deny contains finding if {
	some r in lib.resources("aws_ssm_parameter")
	secret_name(r)
	plain(r)
	finding := lib.finding(r, "SSM parameter named as a secret is not a SecureString (type)")
}

# What the scan cannot know decides nothing: the parameter is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("aws_ssm_parameter")
	secret_name(r)
	lib.is_unknown(lib.attr(r, "type", null))
	finding := lib.finding(r, "type is unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("aws_ssm_parameter")
	plain(r)
	not secret_name(r)
	lib.is_unknown(lib.attr(r, "name", null))
	finding := lib.finding(r, "name is unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("aws_ssm_parameter")
	lib.is_unknown(lib.attr(r, "name", null))
	lib.is_unknown(lib.attr(r, "type", null))
	finding := lib.finding(r, "name and type are unknown at scan time")
}
