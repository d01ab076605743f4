# METADATA
# title: Kubernetes roles do not read secrets
# description: >-
#   No rule of a Role or ClusterRole grants get, list or watch (or "*") on
#   secrets. Reading secrets reveals every credential of the namespace,
#   service account tokens included; list and watch return their values too.
# custom:
#   id: RUNGS-K8S-RBAC-003
#   severity: high
#   kind: resource
#   resource_types: [Role, ClusterRole]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.2"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Mount the one secret a workload needs as a volume instead of granting API access; if access is needed, name it:
#     rules:
#     - apiGroups: [""]
#       resources: [secrets]
#       resourceNames: [app-config]
#       verbs: [get]
package rungs.kubernetes.rbac.secrets_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

rule_bad(x) if {
	"secrets" in k8s.strings(object.get(x, "resources", []))
	some v in k8s.strings(object.get(x, "verbs", []))
	v in {"get", "list", "watch", "*"}
	count(k8s.strings(object.get(x, "resourceNames", []))) == 0
}

deny contains lib.finding(r, "a rule reads secrets (get, list or watch)") if {
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
