# METADATA
# title: Kubernetes containers do not disable AppArmor
# description: >-
#   No container runs unconfined by AppArmor: appArmorProfile.type (its own
#   or the pod's) is not Unconfined and no
#   container.apparmor.security.beta.kubernetes.io annotation of the pod
#   template says unconfined (Pod Security Standards, baseline). Absent
#   means the runtime default profile.
# custom:
#   id: RUNGS-K8S-POD-014
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       appArmorProfile:
#         type: RuntimeDefault
package rungs.kubernetes.pods.apparmor

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r, c) := k8s.effective(r, c, ["appArmorProfile", "type"])

annotation(r, c) := k8s.pod_meta_field(r, ["annotations", concat("", ["container.apparmor.security.beta.kubernetes.io/", k8s.name(c)])])

bad(r, c) if value(r, c) == "Unconfined"

bad(r, c) if annotation(r, c) == "unconfined"

undecided(r, c) if lib.is_unknown(value(r, c))

undecided(r, c) if lib.is_unknown(annotation(r, c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s runs without AppArmor (Unconfined)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its AppArmor profile is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
