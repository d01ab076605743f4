# METADATA
# title: Kubernetes long-running containers have a readiness probe
# description: >-
#   Every container of a long-running workload (not Jobs and CronJobs)
#   defines a readinessProbe, so a Service sends traffic only to replicas
#   that can serve it. Init and ephemeral containers are not judged.
# custom:
#   id: RUNGS-K8S-PROBE-002
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     readinessProbe:
#       httpGet:
#         path: /ready
#         port: 8080
package rungs.kubernetes.resources.readiness_probe

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"}

value(c) := k8s.at(c, ["readinessProbe"])

bad(_, c) if value(c) == null

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s has no readinessProbe", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.main_containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its readinessProbe is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.main_containers(r)
	undecided(r, c)
}
