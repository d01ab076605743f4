# METADATA
# title: Kubernetes bindings do not grant cluster-admin
# description: >-
#   No RoleBinding or ClusterRoleBinding refers to the cluster-admin
#   ClusterRole. cluster-admin is every verb on every resource; the subjects
#   it is bound to in code (users, groups, service accounts of workloads)
#   should get scoped roles. The built-in binding to system:masters is not
#   declared in manifests.
# custom:
#   id: RUNGS-K8S-RBAC-006
#   severity: high
#   kind: resource
#   resource_types: [RoleBinding, ClusterRoleBinding]
#   controls: [IAM-1.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.1"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Bind a scoped ClusterRole or Role:
#     roleRef:
#       apiGroup: rbac.authorization.k8s.io
#       kind: ClusterRole
#       name: view
package rungs.kubernetes.rbac.cluster_admin_binding

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

ref_name(r) := k8s.at(lib.config(r), ["roleRef", "name"])

deny contains lib.finding(r, "binds the cluster-admin ClusterRole") if {
	some t in k8s.binding_types
	some r in lib.resources(t)
	ref_name(r) == "cluster-admin"
	object.get(lib.config(r), ["roleRef", "kind"], "ClusterRole") == "ClusterRole"
}

unknown contains lib.finding(r, "roleRef is unknown at scan time") if {
	some t in k8s.binding_types
	some r in lib.resources(t)
	lib.is_unknown(ref_name(r))
}
