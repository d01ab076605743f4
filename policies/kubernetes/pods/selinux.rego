# METADATA
# title: Kubernetes containers keep SELinux confinement
# description: >-
#   No container's seLinuxOptions (its own or the pod's) sets a user or a
#   role, or a type other than container_t, container_init_t,
#   container_kvm_t or container_engine_t (Pod Security Standards,
#   baseline). A custom SELinux type such as spc_t runs the container
#   unconfined.
# custom:
#   id: RUNGS-K8S-POD-015
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Remove seLinuxOptions, or keep a container type:
#     securityContext:
#       seLinuxOptions:
#         level: "s0:c123,c456"
package rungs.kubernetes.pods.selinux

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

allowed_types := {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

field(r, c, name) := k8s.effective(r, c, ["seLinuxOptions", name])

bad(r, c) if {
	t := field(r, c, "type")
	is_string(t)
	not lib.is_unknown(t)
	not t in allowed_types
}

bad(r, c) if {
	some name in ["user", "role"]
	v := field(r, c, name)
	lib.is_nonempty_string(v)
}

undecided(r, c) if {
	some name in ["type", "user", "role"]
	lib.is_unknown(field(r, c, name))
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s changes its SELinux user, role or type", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: seLinuxOptions is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
