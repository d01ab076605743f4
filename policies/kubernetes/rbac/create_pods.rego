# METADATA
# title: Kubernetes roles do not create pods
# description: >-
#   No rule of a Role or ClusterRole grants create (or "*") on pods or on
#   the workload resources that make them (deployments, daemonsets,
#   statefulsets, replicasets, jobs, cronjobs). Whoever can create a pod can
#   run it with any service account of the namespace and mount its secrets.
# custom:
#   id: RUNGS-K8S-RBAC-004
#   severity: medium
#   kind: resource
#   resource_types: [Role, ClusterRole]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.4"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Leave pod creation to the deployment pipeline's identity; grant others get and list.
package rungs.kubernetes.rbac.create_pods

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

rule_bad(x) if {
	some res in k8s.strings(object.get(x, "resources", []))
	res in {"pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs"}
	some v in k8s.strings(object.get(x, "verbs", []))
	v in {"create", "*"}
}

deny contains lib.finding(r, "a rule creates pods or workloads") if {
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
