# METADATA
# title: Redshift clusters write audit logs
# description: >-
#   Redshift clusters log connections and user activity: a logging block with
#   enable = true, or an aws_redshift_logging resource for the cluster (AWS
#   provider v5.x). Nothing is logged by default.
# custom:
#   id: RUNGS-AWS-REDSHIFT-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_redshift_cluster, aws_redshift_logging]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_71"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Turn audit logging on:
#       resource "aws_redshift_logging" "dw" {
#         cluster_identifier   = aws_redshift_cluster.dw.id
#         log_destination_type = "cloudwatch"
#         log_exports          = ["connectionlog", "userlog", "useractivitylog"]
#       }
package rungs.aws.redshift.audit_logging

import rego.v1

import data.rungs.lib

logging_type := "aws_redshift_logging"

# The legacy inline block: logging { enable = true }.
inline(r) if {
	some b in lib.blocks(r, "logging")
	lib.truthy(object.get(b, "enable", false))
}

# aws_redshift_logging names the cluster by reference or by its literal
# cluster_identifier.
companion(r) if {
	some l in lib.resources(logging_type)
	lib.designates(lib.attr(l, "cluster_identifier", null), r, lib.module_of(l))
}

companion(r) if {
	some l in lib.resources(logging_type)
	id := lib.attr(l, "cluster_identifier", null)
	lib.is_known_string(id)
	id == lib.attr(r, "cluster_identifier", null)
}

logged(r) if inline(r)

logged(r) if companion(r)

# What the scan cannot know decides nothing: the cluster is not judged, never passed.
undecided(r) if {
	some b in lib.blocks(r, "logging")
	lib.is_unknown(object.get(b, "enable", null))
}

undecided(r) if lib.is_unknown(lib.attr(r, "logging", null))

# A logging resource whose cluster the scan cannot resolve might be this one's.
undecided(_) if {
	some l in lib.resources(logging_type)
	id := lib.attr(l, "cluster_identifier", null)
	lib.is_unknown(id)
	m := lib.module_of(l)
	not lib.refers_to_type(id, "aws_redshift_cluster", m)
}

deny contains finding if {
	some r in lib.resources("aws_redshift_cluster")
	not logged(r)
	not undecided(r)
	finding := lib.finding(r, "Redshift cluster writes no audit logs (logging or aws_redshift_logging)")
}

unknown contains finding if {
	some r in lib.resources("aws_redshift_cluster")
	not logged(r)
	undecided(r)
	finding := lib.finding(r, "audit logging depends on a value unknown at scan time")
}

# A logging resource whose cluster the scan cannot resolve: it may log any
# cluster, and it is not judged itself.
unknown contains finding if {
	some l in lib.resources(logging_type)
	id := lib.attr(l, "cluster_identifier", null)
	lib.is_unknown(id)
	not lib.refers_to_type(id, "aws_redshift_cluster", lib.module_of(l))
	finding := lib.finding(l, "cluster_identifier is unknown at scan time")
}
