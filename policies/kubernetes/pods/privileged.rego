# METADATA
# title: Kubernetes containers do not run privileged
# description: >-
#   No container of a workload sets securityContext.privileged: true (Pod
#   Security Standards, baseline). A privileged container has every
#   capability and the host's devices: one compromised container is a
#   compromised node. Absent means false.
# custom:
#   id: RUNGS-K8S-POD-001
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.2"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     containers:
#     - name: app
#       securityContext:
#         privileged: false
package rungs.kubernetes.pods.privileged

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

bad(_, c) if lib.truthy(k8s.sc(c, ["privileged"]))

undecided(_, c) if lib.is_unknown(k8s.sc(c, ["privileged"]))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s runs privileged (securityContext.privileged: true)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: securityContext.privileged is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
