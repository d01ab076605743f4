# METADATA
# title: The Glue Data Catalog is encrypted at rest
# description: >-
#   aws_glue_data_catalog_encryption_settings set
#   encryption_at_rest.catalog_encryption_mode to SSE-KMS (or SSE-KMS-WITH-
#   SERVICE-ROLE), so that table definitions, connections and their metadata are
#   encrypted with KMS. The default is DISABLED.
# custom:
#   id: RUNGS-AWS-GLUE-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the catalog and connection passwords:
#       resource "aws_glue_data_catalog_encryption_settings" "this" {
#         data_catalog_encryption_settings {
#           encryption_at_rest {
#             catalog_encryption_mode = "SSE-KMS"
#             sse_aws_kms_key_id      = aws_kms_key.glue.arn
#           }
#           connection_password_encryption {
#             return_connection_password_encrypted = true
#             aws_kms_key_id                       = aws_kms_key.glue.arn
#           }
#         }
#       }
package rungs.aws.glue.catalog_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_glue_data_catalog_encryption_settings"]

path := ["data_catalog_encryption_settings", "encryption_at_rest", "catalog_encryption_mode"]

# The default catalog_encryption_mode is DISABLED: a missing argument is a finding.
value(r) := checks.setting(r, path, "DISABLED")

good(v) if {
	is_string(v)
	startswith(v, "SSE-KMS")
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Glue Data Catalog is not encrypted at rest (catalog_encryption_mode)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "data_catalog_encryption_settings.encryption_at_rest.catalog_encryption_mode is unknown at scan time")
}
