# METADATA
# title: Kubernetes roles do not grant bind, escalate or impersonate
# description: >-
#   No rule of a Role or ClusterRole grants the bind, escalate or
#   impersonate verbs. They let the subject grant itself permissions it does
#   not hold, or act as another user, group or service account.
# custom:
#   id: RUNGS-K8S-RBAC-005
#   severity: high
#   kind: resource
#   resource_types: [Role, ClusterRole]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.8"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Remove the verbs; only cluster administrators need them.
package rungs.kubernetes.rbac.escalation_verbs

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

rule_bad(x) if {
	some v in k8s.strings(object.get(x, "verbs", []))
	v in {"bind", "escalate", "impersonate"}
}

deny contains lib.finding(r, "a rule grants bind, escalate or impersonate") if {
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
