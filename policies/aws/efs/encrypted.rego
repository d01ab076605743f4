# METADATA
# title: EFS file systems are encrypted at rest
# description: >-
#   EFS file systems set encrypted = true. The provider default is false, and
#   encryption can only be chosen when the file system is created.
# custom:
#   id: RUNGS-AWS-EFS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_efs_file_system]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_42"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the file system (only possible at creation):
#       resource "aws_efs_file_system" "shared" {
#         # ...
#         encrypted  = true
#         kms_key_id = aws_kms_key.efs.arn
#       }
package rungs.aws.efs.encrypted

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_efs_file_system"]

path := ["encrypted"]

# The provider default for encrypted is false: a missing argument is a finding.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "EFS file system is not encrypted at rest (encrypted)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encrypted is unknown at scan time")
}
