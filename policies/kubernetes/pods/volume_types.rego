# METADATA
# title: Kubernetes pods use only restricted volume types
# description: >-
#   Every volume of a pod spec is one of configMap, csi, downwardAPI,
#   emptyDir, ephemeral, persistentVolumeClaim, projected or secret (Pod
#   Security Standards, restricted). Other types (hostPath, nfs, iscsi,
#   cephfs...) reach storage outside the cluster's control and its access
#   checks.
# custom:
#   id: RUNGS-K8S-POD-019
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Mount storage through a PersistentVolumeClaim:
#     volumes:
#     - name: data
#       persistentVolumeClaim:
#         claimName: data
package rungs.kubernetes.pods.volume_types

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

allowed := {"name", "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

volumes(r) := k8s.pod_field(r, ["volumes"])

bad(r) if {
	some v in k8s.list(volumes(r))
	is_object(v)
	some key, _ in v
	not key in allowed
}

undecided(r) if k8s.list_unknown(volumes(r))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod uses a volume type outside the restricted set") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "the volumes are unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
