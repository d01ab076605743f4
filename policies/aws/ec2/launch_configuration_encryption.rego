# METADATA
# title: Launch configurations encrypt their volumes
# description: >-
#   Auto Scaling launch configurations set encrypted = true on their
#   root_block_device and every ebs_block_device. The default is false (unless
#   EBS encryption by default is on in the account, judged by RUNGS-AWS-
#   EC2-004); volumes from a snapshot inherit its encryption and are not judged.
# custom:
#   id: RUNGS-AWS-EC2-007
#   severity: high
#   kind: resource
#   resource_types: [aws_launch_configuration]
#   controls: [WKL-1.1]
#   frameworks:
#     checkov: ["CKV_AWS_8"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt every volume (better: move to a launch template):
#       resource "aws_launch_configuration" "app" {
#         # ...
#         root_block_device {
#           encrypted = true
#         }
#       }
package rungs.aws.ec2.launch_configuration_encryption

import rego.v1

import data.rungs.lib

devices(r) := array.concat(lib.blocks(r, "root_block_device"), lib.blocks(r, "ebs_block_device"))

# A volume created from a snapshot inherits the snapshot's encryption.
from_snapshot(d) if lib.is_set(object.get(d, "snapshot_id", null))

# The default for encrypted is false; a launch configuration without a
# root_block_device block gets an unencrypted root volume.
plain(d) if {
	not from_snapshot(d)
	lib.falsy(object.get(d, "encrypted", false))
}

unencrypted(r) if count(lib.blocks(r, "root_block_device")) == 0

unencrypted(r) if {
	some d in devices(r)
	plain(d)
}

# What the scan cannot know decides nothing: the configuration is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "root_block_device", null))

undecided(r) if lib.is_unknown(lib.attr(r, "ebs_block_device", null))

undecided(r) if {
	some d in devices(r)
	lib.is_unknown(object.get(d, "encrypted", null))
}

deny contains finding if {
	some r in lib.resources("aws_launch_configuration")
	unencrypted(r)
	not undecided(r)
	finding := lib.finding(r, "Launch configuration creates unencrypted volumes (encrypted)")
}

unknown contains finding if {
	some r in lib.resources("aws_launch_configuration")
	undecided(r)
	finding := lib.finding(r, "volume encryption is unknown at scan time")
}
