# METADATA
# title: Kubernetes containers add no capability beyond NET_BIND_SERVICE
# description: >-
#   No container lists a capability other than NET_BIND_SERVICE in
#   securityContext.capabilities.add (Pod Security Standards, restricted).
#   Added capabilities (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE...) give
#   root-like powers over the node's kernel.
# custom:
#   id: RUNGS-K8S-POD-007
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.9"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       capabilities:
#         drop: [ALL]
#         add: [NET_BIND_SERVICE]   # only if the container binds a port below 1024
package rungs.kubernetes.pods.added_capabilities

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

added(c) := k8s.sc(c, ["capabilities", "add"])

bad(_, c) if {
	some cap in k8s.strings(added(c))
	not lib.is_unknown(cap)
	trim_prefix(upper(cap), "CAP_") != "NET_BIND_SERVICE"
}

undecided(_, c) if k8s.list_unknown(added(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s adds capabilities beyond NET_BIND_SERVICE", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its added capabilities are unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
