# METADATA
# title: Kubernetes pods set only safe sysctls
# description: >-
#   A pod's securityContext.sysctls names only the namespaced sysctls
#   Kubernetes considers safe (Pod Security Standards, baseline):
#   kernel.shm_rmid_forced, net.ipv4.ip_local_port_range,
#   net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies,
#   net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports,
#   net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout,
#   net.ipv4.tcp_keepalive_intvl and net.ipv4.tcp_keepalive_probes. Others
#   can affect every pod of the node.
# custom:
#   id: RUNGS-K8S-POD-017
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Remove the unsafe sysctl; tune the node instead if it is needed.
package rungs.kubernetes.pods.unsafe_sysctls

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

safe := {
	"kernel.shm_rmid_forced",
	"net.ipv4.ip_local_port_range",
	"net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies",
	"net.ipv4.ping_group_range",
	"net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time",
	"net.ipv4.tcp_fin_timeout",
	"net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

sysctls(r) := k8s.pod_field(r, ["securityContext", "sysctls"])

bad(r) if {
	some s in k8s.list(sysctls(r))
	is_object(s)
	n := object.get(s, "name", "")
	lib.is_known_string(n)
	not n in safe
}

undecided(r) if k8s.list_unknown(sysctls(r))

undecided(r) if {
	some s in k8s.list(sysctls(r))
	is_object(s)
	lib.is_unknown(object.get(s, "name", ""))
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod sets an unsafe sysctl") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "its sysctls are unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
