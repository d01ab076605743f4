# METADATA
# title: Kubernetes roles do not use wildcards in verbs or resources
# description: >-
#   No rule of a Role or ClusterRole lists "*" in verbs or resources. A
#   wildcard grants every current and future verb or resource type,
#   including those added later by CRDs, so the role is never reviewed for
#   what it really allows.
# custom:
#   id: RUNGS-K8S-RBAC-001
#   severity: medium
#   kind: resource
#   resource_types: [Role, ClusterRole]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.3"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     List the verbs and resources the subject needs:
#     rules:
#     - apiGroups: [""]
#       resources: [configmaps]
#       verbs: [get, list]
package rungs.kubernetes.rbac.wildcards

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

rule_bad(x) if {
	some f in ["verbs", "resources"]
	"*" in k8s.strings(object.get(x, f, []))
}

deny contains lib.finding(r, "a rule grants \"*\" verbs or resources") if {
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
