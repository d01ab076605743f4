# METADATA
# title: Kubernetes pods do not use the host network
# description: >-
#   No pod spec sets hostNetwork: true (Pod Security Standards, baseline). A
#   pod on the host network sees every interface of the node, reaches
#   services bound to localhost and bypasses NetworkPolicies. Absent means
#   false.
# custom:
#   id: RUNGS-K8S-POD-002
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.5"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       hostNetwork: false   # or leave it out
package rungs.kubernetes.pods.host_network

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

bad(r) if lib.truthy(k8s.pod_field(r, ["hostNetwork"]))

undecided(r) if lib.is_unknown(k8s.pod_field(r, ["hostNetwork"]))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod uses the host network (hostNetwork: true)") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "hostNetwork is unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
