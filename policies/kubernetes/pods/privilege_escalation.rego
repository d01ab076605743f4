# METADATA
# title: Kubernetes containers forbid privilege escalation
# description: >-
#   Every container sets securityContext.allowPrivilegeEscalation: false
#   (Pod Security Standards, restricted), so setuid binaries and file
#   capabilities cannot give a process more privileges than its parent.
#   Kubernetes allows escalation when the field is absent.
# custom:
#   id: RUNGS-K8S-POD-009
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.6"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       allowPrivilegeEscalation: false
package rungs.kubernetes.pods.privilege_escalation

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(c) := k8s.sc(c, ["allowPrivilegeEscalation"])

# Absent: allowed (the Kubernetes default).
bad(_, c) if {
	not lib.is_unknown(value(c))
	not lib.falsy(value(c))
}

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s allows privilege escalation (allowPrivilegeEscalation is not false)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: allowPrivilegeEscalation is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
