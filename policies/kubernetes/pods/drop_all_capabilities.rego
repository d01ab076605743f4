# METADATA
# title: Kubernetes containers drop all capabilities
# description: >-
#   Every container lists ALL in securityContext.capabilities.drop (Pod
#   Security Standards, restricted), so it keeps only the capabilities it
#   adds back. Without it a container runs with the runtime's default set
#   (NET_RAW among them, which allows packet spoofing on the node's
#   network).
# custom:
#   id: RUNGS-K8S-POD-008
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.10"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       capabilities:
#         drop: [ALL]
package rungs.kubernetes.pods.drop_all_capabilities

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

dropped(c) := k8s.sc(c, ["capabilities", "drop"])

drops_all(c) if {
	some cap in k8s.strings(dropped(c))
	upper(cap) == "ALL"
}

bad(_, c) if {
	not k8s.list_unknown(dropped(c))
	not drops_all(c)
}

undecided(_, c) if {
	k8s.list_unknown(dropped(c))
	not drops_all(c)
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s does not drop ALL capabilities", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its dropped capabilities are unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
