# METADATA
# title: Instances do not get public IP addresses
# description: >-
#   EC2 instances and launch templates do not ask for a public IP address
#   (associate_public_ip_address = true). Internet exposure should go through
#   load balancers or gateways that security can review in one place.
# custom:
#   id: RUNGS-AWS-EC2-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_instance, aws_launch_template]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Drop the public address and put the instance behind a load balancer:
#       resource "aws_instance" "app" {
#         # ...
#         subnet_id                   = aws_subnet.private_a.id
#         associate_public_ip_address = false
#       }
package rungs.aws.ec2.no_public_ip

import rego.v1

import data.rungs.lib

deny contains finding if {
	some inst in lib.resources("aws_instance")
	lib.truthy(lib.attr(inst, "associate_public_ip_address", false))
	finding := lib.finding(inst, "Instance is given a public IP address (associate_public_ip_address = true)")
}

deny contains finding if {
	some lt in lib.resources("aws_launch_template")
	some ni in lib.blocks(lt, "network_interfaces")
	# Typed as a string by the provider: true and "true" both occur.
	lib.truthy(object.get(ni, "associate_public_ip_address", false))
	finding := lib.finding(lt, "Launch template gives instances a public IP address (network_interfaces associate_public_ip_address = true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_instance", "aws_launch_template"], ["associate_public_ip_address", "network_interfaces"])
}
