# METADATA
# title: Kubernetes pods do not mount hostPath volumes
# description: >-
#   No volume of a pod spec is a hostPath (Pod Security Standards,
#   baseline). A hostPath volume exposes the node's file system (the
#   container runtime socket, kubelet credentials, /etc) to the pod. A
#   volume list that is unknown at scan time is not judged.
# custom:
#   id: RUNGS-K8S-POD-005
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.3]
#   frameworks:
#     cis-kubernetes-1.9: ["5.2.12"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Use an emptyDir, a configMap, a secret or a PersistentVolumeClaim instead:
#     volumes:
#     - name: cache
#       emptyDir: {}
package rungs.kubernetes.pods.host_path

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

volumes(r) := k8s.pod_field(r, ["volumes"])

bad(r) if {
	some v in k8s.list(volumes(r))
	is_object(v)
	object.get(v, "hostPath", null) != null
}

undecided(r) if k8s.list_unknown(volumes(r))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod mounts a hostPath volume") if {
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
