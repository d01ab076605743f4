# METADATA
# title: EBS volumes are encrypted with a customer-managed key
# description: >-
#   EBS volumes name a customer-managed KMS key in kms_key_id; without it an
#   encrypted volume uses the AWS managed key aws/ebs, whose snapshots cannot be
#   shared with other accounts.
# custom:
#   id: RUNGS-AWS-EC2-009
#   severity: low
#   kind: resource
#   resource_types: [aws_ebs_volume]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_ebs_volume" "data" {
#         # ...
#         encrypted  = true
#         kms_key_id = aws_kms_key.ebs.arn
#       }
package rungs.aws.ec2.ebs_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_ebs_volume"]

path := ["kms_key_id"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

# A volume from a snapshot inherits its key.
applies(r) if not lib.is_set(lib.attr(r, "snapshot_id", null))

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A reference to something other than a key resource (a variable, a module output) may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.kms_key_ref(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "EBS volume is not encrypted with a customer-managed KMS key (kms_key_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "kms_key_id is unknown at scan time")
}

# An unknown snapshot_id that may be null (a variable, not a resource
# attribute): the volume may be created empty and need its own key.
unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	snapshot := lib.attr(r, "snapshot_id", null)
	lib.is_unknown(snapshot)
	not lib.resource_reference(snapshot)
	not good(value(r))
	finding := lib.finding(r, "snapshot_id is unknown at scan time (it may be null)")
}
