# METADATA
# title: Launch configurations do not assign public IP addresses
# description: >-
#   Auto Scaling launch configurations do not set associate_public_ip_address =
#   true: instances are exposed through load balancers, not directly. Without
#   the argument the subnet's setting applies (judged by RUNGS-AWS-EC2-005).
# custom:
#   id: RUNGS-AWS-EC2-008
#   severity: medium
#   kind: resource
#   resource_types: [aws_launch_configuration]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Leave public addresses off:
#       resource "aws_launch_configuration" "app" {
#         # ...
#         associate_public_ip_address = false
#       }
package rungs.aws.ec2.launch_configuration_no_public_ip

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_launch_configuration"]

path := ["associate_public_ip_address"]

# Without the argument the subnet decides (judged on the subnet): it passes here.
value(r) := checks.setting(r, path, false)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Launch configuration assigns public IP addresses (associate_public_ip_address)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "associate_public_ip_address is unknown at scan time")
}
