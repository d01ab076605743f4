# METADATA
# title: Redshift clusters are encrypted at rest
# description: >-
#   Redshift clusters set encrypted = true. The AWS provider before v6 defaults
#   to false, so a cluster without the argument is judged unencrypted; write it
#   explicitly.
# custom:
#   id: RUNGS-AWS-REDSHIFT-001
#   severity: high
#   kind: resource
#   resource_types: [aws_redshift_cluster]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_64"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the cluster:
#       resource "aws_redshift_cluster" "dw" {
#         # ...
#         encrypted  = true
#         kms_key_id = aws_kms_key.dw.arn
#       }
package rungs.aws.redshift.encrypted

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_redshift_cluster"]

path := ["encrypted"]

# The AWS provider before v6 defaults encrypted to false: a missing argument is a finding.
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
	finding := lib.finding(r, "Redshift cluster is not encrypted at rest (encrypted)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encrypted is unknown at scan time")
}
