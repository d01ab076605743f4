# METADATA
# title: Kubernetes containers have a read-only root filesystem
# description: >-
#   Every container sets securityContext.readOnlyRootFilesystem: true, so an
#   intruder cannot drop tools or change binaries in the container; writable
#   paths are mounted as volumes (emptyDir). Absent means writable.
# custom:
#   id: RUNGS-K8S-POD-012
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     securityContext:
#       readOnlyRootFilesystem: true
#     # and mount writable paths:
#     volumeMounts:
#     - name: tmp
#       mountPath: /tmp
package rungs.kubernetes.pods.read_only_root_filesystem

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(c) := k8s.sc(c, ["readOnlyRootFilesystem"])

bad(_, c) if {
	not lib.is_unknown(value(c))
	not lib.truthy(value(c))
}

undecided(_, c) if lib.is_unknown(value(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s has a writable root filesystem (readOnlyRootFilesystem is not true)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: readOnlyRootFilesystem is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
