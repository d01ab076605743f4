# METADATA
# title: Kubernetes containers do not bind host ports
# description: >-
#   No container port sets hostPort (other than 0) (Pod Security Standards,
#   baseline). A host port publishes the container on every address of its
#   node, outside Services and NetworkPolicies, and pins the pod to nodes
#   where the port is free.
# custom:
#   id: RUNGS-K8S-POD-006
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.13"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Expose the port through a Service instead:
#     ports:
#     - containerPort: 8080   # no hostPort
package rungs.kubernetes.pods.host_ports

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

ports(c) := object.get(c, "ports", [])

bad(_, c) if {
	some port in k8s.list(ports(c))
	is_object(port)
	lib.to_num(object.get(port, "hostPort", 0)) != 0
}

undecided(_, c) if k8s.list_unknown(ports(c))

undecided(_, c) if {
	some port in k8s.list(ports(c))
	is_object(port)
	lib.is_unknown(object.get(port, "hostPort", 0))
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s binds a host port", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its ports are unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
