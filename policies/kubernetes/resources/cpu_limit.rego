# METADATA
# title: Kubernetes containers set a CPU limit
# description: >-
#   Every container and init container sets resources.limits.cpu, so a
#   runaway or hijacked process (a crypto miner) cannot take every CPU of
#   its node.
# custom:
#   id: RUNGS-K8S-RES-002
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     resources:
#       limits:
#         cpu: 500m
package rungs.kubernetes.resources.cpu_limit

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(c) := k8s.at(c, ["resources", "limits", "cpu"])

bad(_, c) if value(c) == null

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s sets no CPU limit", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its CPU limit is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	undecided(r, c)
}
