# METADATA
# title: EKS node groups do not open SSH to the internet
# description: >-
#   An EKS managed node group with remote_access and an ec2_ssh_key but no
#   source_security_group_ids gets a security group that allows SSH (port 22)
#   from 0.0.0.0/0. Restrict remote access to named security groups, or use SSM
#   Session Manager.
# custom:
#   id: RUNGS-AWS-EKS-004
#   severity: high
#   kind: resource
#   resource_types: [aws_eks_node_group]
#   controls: [NET-1.1]
#   frameworks:
#     checkov: ["CKV_AWS_100"]
#     cis-aws-foundations-5.0: ["5.3"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Restrict SSH to a bastion or VPN security group (or drop remote_access):
#       resource "aws_eks_node_group" "workers" {
#         # ...
#         remote_access {
#           ec2_ssh_key               = aws_key_pair.ops.key_name
#           source_security_group_ids = [aws_security_group.bastion.id]
#         }
#       }
package rungs.aws.eks.node_group_ssh

import rego.v1

import data.rungs.lib

# remote_access with a key and without source security groups opens port 22 to
# 0.0.0.0/0. No remote_access block means no SSH access.
ssh_key(ra) if lib.is_set(object.get(ra, "ec2_ssh_key", null))

no_sources(ra) if {
	ids := object.get(ra, "source_security_group_ids", [])
	ids == null
}

no_sources(ra) if {
	ids := object.get(ra, "source_security_group_ids", [])
	is_array(ids)
	count(ids) == 0
}

deny contains finding if {
	some r in lib.resources("aws_eks_node_group")
	some ra in lib.blocks(r, "remote_access")
	fe := object.get(ra, "_for_each", null)
	not lib.is_unknown(fe)
	ssh_key(ra)
	no_sources(ra)
	finding := lib.finding(r, "Node group allows SSH from the internet (remote_access without source_security_group_ids)")
}

# What the scan cannot know decides nothing: the node group is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("aws_eks_node_group")
	undecided(r)
	finding := lib.finding(r, "remote_access is unknown at scan time")
}

undecided(r) if lib.is_unknown(lib.attr(r, "remote_access", null))

undecided(r) if {
	some ra in lib.blocks(r, "remote_access")
	ssh_key(ra)
	lib.is_unknown(object.get(ra, "source_security_group_ids", null))
}

undecided(r) if {
	some ra in lib.blocks(r, "remote_access")
	lib.is_unknown(object.get(ra, "_for_each", null))
	ssh_key(ra)
	no_sources(ra)
}
