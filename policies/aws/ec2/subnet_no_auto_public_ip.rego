# METADATA
# title: Subnets do not assign public IP addresses automatically
# description: >-
#   No subnet gives every instance launched in it a public IPv4 address
#   (map_public_ip_on_launch = true). Instances that need to be reached from
#   the internet sit behind a load balancer or NAT; a subnet-wide default
#   quietly exposes every instance placed there. The provider default is false.
# custom:
#   id: RUNGS-AWS-EC2-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_subnet]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Leave public IP assignment off, and expose workloads through a load balancer:
#       resource "aws_subnet" "public" {
#         vpc_id                  = aws_vpc.main.id
#         cidr_block              = "10.0.0.0/24"
#         map_public_ip_on_launch = false
#       }
package rungs.aws.ec2.subnet_no_auto_public_ip

import rego.v1

import data.rungs.lib

deny contains finding if {
	some subnet in lib.resources("aws_subnet")
	lib.truthy(lib.attr(subnet, "map_public_ip_on_launch", false))
	finding := lib.finding(subnet, "Subnet assigns a public IP address to every instance launched in it (map_public_ip_on_launch = true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_subnet"], ["map_public_ip_on_launch"])
}
