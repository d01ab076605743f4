# METADATA
# title: Kubernetes containers request CPU and memory
# description: >-
#   Every container and init container sets resources.requests.cpu and
#   resources.requests.memory (a limit alone also sets the request), so the
#   scheduler reserves what it needs and it is not the first evicted under
#   pressure.
# custom:
#   id: RUNGS-K8S-RES-003
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     resources:
#       requests:
#         cpu: 100m
#         memory: 256Mi
package rungs.kubernetes.resources.requests

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

# A request, or the limit Kubernetes copies into it when the request is absent.
value(c, name) := k8s.at(c, ["resources", "requests", name]) if k8s.at(c, ["resources", "requests", name]) != null

value(c, name) := k8s.at(c, ["resources", "limits", name]) if k8s.at(c, ["resources", "requests", name]) == null

bad(_, c) if {
	some name in ["cpu", "memory"]
	value(c, name) == null
}

undecided(_, c) if {
	some name in ["cpu", "memory"]
	lib.is_unknown(value(c, name))
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s does not request both CPU and memory", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its resource requests are unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.app_containers(r)
	undecided(r, c)
}
