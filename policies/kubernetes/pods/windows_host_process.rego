# METADATA
# title: Kubernetes containers are not Windows HostProcess containers
# description: >-
#   No container sets windowsOptions.hostProcess: true, in its own or the
#   pod's securityContext (Pod Security Standards, baseline). A HostProcess
#   container runs as a process of the Windows node with its full access.
# custom:
#   id: RUNGS-K8S-POD-018
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.11"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Remove windowsOptions.hostProcess, or set it to false.
package rungs.kubernetes.pods.windows_host_process

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r, c) := k8s.effective(r, c, ["windowsOptions", "hostProcess"])

bad(r, c) if lib.truthy(value(r, c))

undecided(r, c) if lib.is_unknown(value(r, c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s is a Windows HostProcess container", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: windowsOptions.hostProcess is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
