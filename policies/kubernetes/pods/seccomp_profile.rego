# METADATA
# title: Kubernetes containers run with a seccomp profile
# description: >-
#   Every container's seccompProfile.type, its own or inherited from the
#   pod's securityContext, is RuntimeDefault or Localhost (Pod Security
#   Standards, restricted; Unconfined is forbidden by baseline). Without a
#   profile the container can make every system call, the kernel attack
#   surface container escapes use. The removed seccomp annotations are not
#   read.
# custom:
#   id: RUNGS-K8S-POD-013
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.7.2"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       securityContext:
#         seccompProfile:
#           type: RuntimeDefault
package rungs.kubernetes.pods.seccomp_profile

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r, c) := k8s.effective(r, c, ["seccompProfile", "type"])

bad(r, c) if {
	not lib.is_unknown(value(r, c))
	not value(r, c) in {"RuntimeDefault", "Localhost"}
}

undecided(r, c) if lib.is_unknown(value(r, c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s has no seccomp profile (seccompProfile.type is not RuntimeDefault or Localhost)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: seccompProfile is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
