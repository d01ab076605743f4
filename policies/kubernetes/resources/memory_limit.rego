# METADATA
# title: Kubernetes containers set a memory limit
# description: >-
#   Every container and init container sets resources.limits.memory. Without
#   a limit one container can take the node's memory and get its neighbours
#   evicted or killed, a denial of service any compromised or leaking
#   workload can cause.
# custom:
#   id: RUNGS-K8S-RES-001
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     resources:
#       limits:
#         memory: 512Mi
package rungs.kubernetes.resources.memory_limit

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(c) := k8s.at(c, ["resources", "limits", "memory"])

bad(_, c) if value(c) == null

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s sets no memory limit", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its memory limit is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	undecided(r, c)
}
