# METADATA
# title: Kubernetes Services are not exposed on node ports or public load balancers
# description: >-
#   No Service is of type NodePort (a port open on every node's addresses),
#   and every LoadBalancer Service is internal (the AWS, Azure or GKE
#   internal annotation) or limits loadBalancerSourceRanges to ranges other
#   than 0.0.0.0/0 and ::/0. Internet entry points belong behind an Ingress
#   or gateway that can filter and terminate TLS.
# custom:
#   id: RUNGS-K8S-NET-002
#   severity: medium
#   kind: resource
#   resource_types: [Service]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Expose through an Ingress, or make the load balancer internal:
#     metadata:
#       annotations:
#         service.beta.kubernetes.io/aws-load-balancer-scheme: internal
#     # or restrict it:
#     spec:
#       loadBalancerSourceRanges: [203.0.113.0/24]
package rungs.kubernetes.network.service_exposure

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

services := lib.resources("Service")

kind(s) := k8s.at(lib.config(s), ["spec", "type"])

internal_annotations := {
	"service.beta.kubernetes.io/aws-load-balancer-internal": {"true", "0.0.0.0/0"},
	"service.beta.kubernetes.io/aws-load-balancer-scheme": {"internal"},
	"service.beta.kubernetes.io/azure-load-balancer-internal": {"true"},
	"networking.gke.io/load-balancer-type": {"Internal"},
	"cloud.google.com/load-balancer-type": {"Internal"},
}

annotation(s, name) := k8s.at(lib.config(s), ["metadata", "annotations", name])

is_internal(s) if {
	some name, values in internal_annotations
	annotation(s, name) in values
}

ranges(s) := k8s.at(lib.config(s), ["spec", "loadBalancerSourceRanges"])

restricted(s) if {
	rs := k8s.strings(ranges(s))
	count(rs) > 0
	not k8s.list_unknown(ranges(s))
	every x in rs {
		not x in {"0.0.0.0/0", "::/0"}
	}
}

deny contains lib.finding(s, "the Service is of type NodePort: a port open on every node") if {
	some s in services
	kind(s) == "NodePort"
}

deny contains lib.finding(s, "the LoadBalancer Service is public and open to every address") if {
	some s in services
	kind(s) == "LoadBalancer"
	not is_internal(s)
	not restricted(s)
	not undecided_lb(s)
}

undecided_lb(s) if {
	some name, _ in internal_annotations
	lib.is_unknown(annotation(s, name))
}

undecided_lb(s) if k8s.list_unknown(ranges(s))

undecided_lb(s) if k8s.unknown_on(lib.config(s), ["metadata", "annotations"])

unknown contains lib.finding(s, "spec.type is unknown at scan time") if {
	some s in services
	lib.is_unknown(kind(s))
}

unknown contains lib.finding(s, "its annotations or source ranges are unknown at scan time") if {
	some s in services
	kind(s) == "LoadBalancer"
	not is_internal(s)
	not restricted(s)
	undecided_lb(s)
}
