# METADATA
# title: Kubernetes pods do not share the host IPC namespace
# description: >-
#   No pod spec sets hostIPC: true (Pod Security Standards, baseline). A pod
#   in the host IPC namespace can read and write the shared memory of every
#   process of the node. Absent means false.
# custom:
#   id: RUNGS-K8S-POD-004
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.4"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       hostIPC: false   # or leave it out
package rungs.kubernetes.pods.host_ipc

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

bad(r) if lib.truthy(k8s.pod_field(r, ["hostIPC"]))

undecided(r) if lib.is_unknown(k8s.pod_field(r, ["hostIPC"]))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod shares the host IPC namespace (hostIPC: true)") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "hostIPC is unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
