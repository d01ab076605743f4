# METADATA
# title: CloudFormation EBS volumes are encrypted
# description: >-
#   Every AWS::EC2::Volume not restored from a snapshot sets Encrypted to true,
#   and every EBS block device mapping of an AWS::EC2::Instance or
#   AWS::EC2::LaunchTemplate sets Ebs.Encrypted to true (both default to false
#   unless EBS encryption by default is on for the account, which a template
#   does not show).
# custom:
#   id: RUNGS-CFN-EC2-002
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"]
#   controls: [WKL-1.1, DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the volume, or the block device mapping:
#       Properties:
#         Encrypted: true
#         KmsKeyId: !Ref VolumeKey
package rungs.aws.cloudformation.ec2_ebs_encryption

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::Volume", "AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"]

mappings(r) := cfn.at(r, ["BlockDeviceMappings"], []) if r.type == "AWS::EC2::Instance"

mappings(r) := cfn.at(r, ["LaunchTemplateData", "BlockDeviceMappings"], []) if r.type == "AWS::EC2::LaunchTemplate"

# One verdict per volume: Encrypted, unless restored from a snapshot (which decides).
# A volume restored from a snapshot takes the snapshot's encryption.
volume(ebs) := lib.any_of([
	cfn.tri_set(object.get(ebs, "SnapshotId", null)),
	lib.tri_true(object.get(ebs, "Encrypted", false)),
])

states(r) := [volume(lib.config(r))] if r.type == "AWS::EC2::Volume"

states(r) := ["unknown"] if {
	r.type != "AWS::EC2::Volume"
	lib.is_unknown(mappings(r))
}

states(r) := [s |
	some m in mappings(r)
	s := mapping(m)
] if {
	r.type != "AWS::EC2::Volume"
	is_array(mappings(r))
}

mapping(m) := "unknown" if lib.is_unknown(m)

mapping(m) := "unknown" if {
	is_object(m)
	lib.is_unknown(object.get(m, "Ebs", {}))
}

mapping(m) := volume(m.Ebs) if is_object(m.Ebs)

state(r) := lib.all_of(states(r))

deny contains lib.finding(r, "EBS volume is not encrypted (Encrypted)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "volume encryption is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
