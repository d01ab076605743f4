# METADATA
# title: Secrets Manager secrets rotate automatically
# description: >-
#   Every Secrets Manager secret is rotated automatically: a separate
#   aws_secretsmanager_secret_rotation refers to it (secret_id), or, with AWS
#   provider < 5, the secret carries rotation_lambda_arn / rotation_rules
#   itself. A rotation whose secret_id the scan cannot resolve (a variable, a
#   module output) counts as covering the secret.
# custom:
#   id: RUNGS-AWS-SECRETSMANAGER-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_secretsmanager_secret]
#   controls: [DAT-3.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Rotate the secret with a rotation function (or a managed rotation):
#       resource "aws_secretsmanager_secret_rotation" "db" {
#         secret_id           = aws_secretsmanager_secret.db.id
#         rotation_lambda_arn = aws_lambda_function.rotate_db.arn
#         rotation_rules {
#           automatically_after_days = 30
#         }
#       }
package rungs.aws.secretsmanager.rotation

import rego.v1

import data.rungs.lib

# Legacy inline rotation (removed from the resource in provider v5).
rotated(secret) if lib.is_set(lib.attr(secret, "rotation_lambda_arn", null))

rotated(secret) if count(lib.blocks(secret, "rotation_rules")) > 0

rotated(secret) if lib.maybe_companion(secret, "aws_secretsmanager_secret_rotation", "secret_id")

deny contains finding if {
	some secret in lib.resources("aws_secretsmanager_secret")
	not rotated(secret)
	finding := lib.finding(secret, "Secret is not rotated automatically (no aws_secretsmanager_secret_rotation for it)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_secretsmanager_secret"], ["rotation_rules"])
}
