# METADATA
# title: Kubernetes workloads do not run as the default service account
# description: >-
#   Every pod names its own serviceAccountName instead of the namespace's
#   default account. Permissions granted to default reach every pod that did
#   not choose an account, so they cannot be scoped to one workload.
# custom:
#   id: RUNGS-K8S-SA-002
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.5"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Create a ServiceAccount per workload and name it:
#     spec:
#       serviceAccountName: web
package rungs.kubernetes.serviceaccounts.default_account

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

value(r) := v if {
	v := k8s.pod_field(r, ["serviceAccountName"])
	v != null
}

value(r) := k8s.pod_field(r, ["serviceAccount"]) if k8s.pod_field(r, ["serviceAccountName"]) == null

bad(r) if value(r) in {null, "", "default"}

undecided(r) if lib.is_unknown(value(r))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod runs as the default service account") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "serviceAccountName is unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
