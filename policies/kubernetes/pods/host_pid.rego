# METADATA
# title: Kubernetes pods do not share the host PID namespace
# description: >-
#   No pod spec sets hostPID: true (Pod Security Standards, baseline). A pod
#   in the host PID namespace sees and can signal every process of the node,
#   and read their environment. Absent means false.
# custom:
#   id: RUNGS-K8S-POD-003
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.3"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       hostPID: false   # or leave it out
package rungs.kubernetes.pods.host_pid

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

bad(r) if lib.truthy(k8s.pod_field(r, ["hostPID"]))

undecided(r) if lib.is_unknown(k8s.pod_field(r, ["hostPID"]))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod shares the host PID namespace (hostPID: true)") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "hostPID is unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
