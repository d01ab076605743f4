# METADATA
# title: EKS cluster API endpoints are not open to the internet
# description: >-
#   Every EKS cluster either disables its public API endpoint
#   (vpc_config endpoint_public_access = false) or restricts it to known CIDR
#   ranges (public_access_cidrs without 0.0.0.0/0). The provider defaults
#   (public, open to 0.0.0.0/0) fail.
# custom:
#   id: RUNGS-AWS-EKS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_eks_cluster]
#   controls: [WKL-3.2, NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Use the private endpoint only (or restrict public_access_cidrs):
#       resource "aws_eks_cluster" "main" {
#         # ...
#         vpc_config {
#           subnet_ids              = aws_subnet.private[*].id
#           endpoint_private_access = true
#           endpoint_public_access  = false
#         }
#       }
package rungs.aws.eks.private_endpoint

import rego.v1

import data.rungs.lib

# The public endpoint is on (the provider default) for this vpc_config block.
public_endpoint(vc) if {
	v := object.get(vc, "endpoint_public_access", true)
	v != null
	lib.truthy(v)
}

public_endpoint(vc) if object.get(vc, "endpoint_public_access", true) == null

# The public endpoint accepts any address (the default when the list is absent).
open_to_world(vc) if {
	cidrs := object.get(vc, "public_access_cidrs", null)
	cidrs == null
}

open_to_world(vc) if {
	lib.any_open_cidr(object.get(vc, "public_access_cidrs", null))
}

deny contains finding if {
	some cluster in lib.resources("aws_eks_cluster")
	some vc in lib.blocks(cluster, "vpc_config")
	public_endpoint(vc)
	open_to_world(vc)
	finding := lib.finding(cluster, "EKS cluster API endpoint is public and open to 0.0.0.0/0")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_eks_cluster"], ["vpc_config", "endpoint_public_access", "public_access_cidrs"])
}
