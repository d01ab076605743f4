# METADATA
# title: Kubernetes containers keep the default /proc mount
# description: >-
#   No container sets securityContext.procMount to anything but Default (Pod
#   Security Standards, baseline). Unmasked exposes the kernel's /proc paths
#   that the default mask hides from containers. Absent means Default.
# custom:
#   id: RUNGS-K8S-POD-016
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       procMount: Default   # or leave it out
package rungs.kubernetes.pods.proc_mount

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(c) := k8s.sc(c, ["procMount"])

bad(_, c) if {
	v := value(c)
	v != null
	not lib.is_unknown(v)
	v != "Default"
}

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s unmasks /proc (procMount is not Default)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: procMount is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
