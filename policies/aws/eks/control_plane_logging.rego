# METADATA
# title: EKS clusters send all control-plane logs to CloudWatch
# description: >-
#   Every EKS cluster enables all five control-plane log types
#   (enabled_cluster_log_types with api, audit, authenticator,
#   controllerManager and scheduler). The audit and authenticator logs show
#   who did what to the cluster through the Kubernetes API; none is on by
#   default.
# custom:
#   id: RUNGS-AWS-EKS-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_eks_cluster]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Enable every control-plane log type (and keep the log group a year):
#       resource "aws_eks_cluster" "main" {
#         # ...
#         enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
#       }
package rungs.aws.eks.control_plane_logging

import rego.v1

import data.rungs.lib

log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

missing(cluster) := log_types - {t | some t in types}  if {
	types := lib.attr(cluster, "enabled_cluster_log_types", [])
	is_array(types)
	# A list with an unknown element may name any type: not judged.
	not any_unknown(types)
}

any_unknown(types) if {
	some t in types
	lib.is_unknown(t)
}

deny contains finding if {
	some cluster in lib.resources("aws_eks_cluster")
	gaps := missing(cluster)
	count(gaps) > 0
	finding := lib.finding(cluster, concat("", ["EKS control-plane log types not enabled: ", concat(", ", sort(gaps))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_eks_cluster"], ["enabled_cluster_log_types"])
}
