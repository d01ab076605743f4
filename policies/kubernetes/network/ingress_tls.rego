# METADATA
# title: Kubernetes Ingresses terminate TLS
# description: >-
#   Every Ingress has a spec.tls entry, so the controller serves its hosts
#   over HTTPS. Without it traffic to the application, credentials and
#   session cookies included, crosses the network in plaintext.
# custom:
#   id: RUNGS-K8S-NET-003
#   severity: medium
#   kind: resource
#   resource_types: [Ingress]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     spec:
#       tls:
#       - hosts: [shop.example.com]
#         secretName: shop-tls
package rungs.kubernetes.network.ingress_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

ingresses := lib.resources("Ingress")

tls(i) := k8s.at(lib.config(i), ["spec", "tls"])

deny contains lib.finding(i, "the Ingress has no TLS (spec.tls)") if {
	some i in ingresses
	not k8s.list_unknown(tls(i))
	count(k8s.list(tls(i))) == 0
}

unknown contains lib.finding(i, "spec.tls is unknown at scan time") if {
	some i in ingresses
	k8s.list_unknown(tls(i))
}
