# METADATA
# title: Kubernetes roles do not grant every verb on every resource
# description: >-
#   No rule of a Role or ClusterRole grants "*" verbs on "*" resources: that
#   is cluster-admin (or namespace admin) under another name, full control
#   of everything the role reaches, secrets included.
# custom:
#   id: RUNGS-K8S-RBAC-002
#   severity: critical
#   kind: resource
#   resource_types: [Role, ClusterRole]
#   controls: [IAM-1.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.1"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Grant the verbs and resources the subject needs; bind the built-in admin, edit or view roles where they fit.
package rungs.kubernetes.rbac.full_admin

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

rule_bad(x) if {
	"*" in k8s.strings(object.get(x, "verbs", []))
	"*" in k8s.strings(object.get(x, "resources", []))
}

deny contains lib.finding(r, "a rule grants every verb on every resource") if {
	some t in k8s.role_types
	some r in lib.resources(t)
	some x in k8s.rules(r)
	rule_bad(x)
}

unknown contains lib.finding(r, "its rules are unknown at scan time") if {
	some t in k8s.role_types
	some r in lib.resources(t)
	k8s.rules_unknown(r)
}
