# METADATA
# title: WorkSpaces encrypt their root and user volumes
# description: >-
#   Amazon WorkSpaces set root_volume_encryption_enabled and
#   user_volume_encryption_enabled to true (with volume_encryption_key). Both
#   default to false and can only be chosen when the WorkSpace is created.
# custom:
#   id: RUNGS-AWS-WORKSPACES-001
#   severity: high
#   kind: resource
#   resource_types: [aws_workspaces_workspace]
#   controls: [WKL-1.1]
#   frameworks:
#     checkov: ["CKV_AWS_155", "CKV_AWS_156"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt both volumes:
#       resource "aws_workspaces_workspace" "alice" {
#         # ...
#         root_volume_encryption_enabled = true
#         user_volume_encryption_enabled = true
#         volume_encryption_key          = aws_kms_key.workspaces.arn
#       }
package rungs.aws.workspaces.volume_encryption

import rego.v1

import data.rungs.lib

volumes := ["root_volume_encryption_enabled", "user_volume_encryption_enabled"]

# Both arguments default to false.
deny contains finding if {
	some r in lib.resources("aws_workspaces_workspace")
	some key in volumes
	lib.falsy(lib.attr(r, key, false))
	finding := lib.finding(r, sprintf("WorkSpace volume is not encrypted (%s)", [key]))
}

# What the scan cannot know decides nothing: the WorkSpace is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("aws_workspaces_workspace")
	not unencrypted(r)
	some key in volumes
	lib.is_unknown(lib.attr(r, key, null))
	finding := lib.finding(r, sprintf("%s is unknown at scan time", [key]))
}

unencrypted(r) if {
	some key in volumes
	lib.falsy(lib.attr(r, key, false))
}
