# METADATA
# title: Kubernetes containers do not run as user 0
# description: >-
#   No container has runAsUser: 0, in its own securityContext or inherited
#   from the pod's (Pod Security Standards, restricted). User 0 is root in
#   the container and, without user namespaces, root on the node for every
#   file it can reach. Absent means the image's user (judged by the
#   runAsNonRoot policy).
# custom:
#   id: RUNGS-K8S-POD-011
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.7"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     spec:
#       securityContext:
#         runAsUser: 10001
package rungs.kubernetes.pods.run_as_root_user

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r, c) := k8s.effective(r, c, ["runAsUser"])

bad(r, c) if lib.to_num(value(r, c)) == 0

undecided(r, c) if lib.is_unknown(value(r, c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s runs as user 0 (runAsUser: 0)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: runAsUser is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
