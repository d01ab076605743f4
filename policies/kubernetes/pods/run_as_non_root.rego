# METADATA
# title: Kubernetes containers must run as non-root
# description: >-
#   Every container has runAsNonRoot: true, in its own securityContext or
#   inherited from the pod's (Pod Security Standards, restricted), so the
#   kubelet refuses to start an image whose user is root. Absent means the
#   image decides, and most images run as root.
# custom:
#   id: RUNGS-K8S-POD-010
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.7"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       securityContext:
#         runAsNonRoot: true
#         runAsUser: 10001
package rungs.kubernetes.pods.run_as_non_root

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r, c) := k8s.effective(r, c, ["runAsNonRoot"])

bad(r, c) if {
	not lib.is_unknown(value(r, c))
	not lib.truthy(value(r, c))
}

undecided(r, c) if lib.is_unknown(value(r, c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s may run as root (runAsNonRoot is not true in its or the pod's securityContext)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: runAsNonRoot is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
