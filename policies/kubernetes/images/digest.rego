# METADATA
# title: Kubernetes container images are pinned by digest
# description: >-
#   Every container image is referenced by digest (image@sha256:...). A tag
#   can be moved to other content in most registries; a digest names exactly
#   the image that was built, scanned and reviewed.
# custom:
#   id: RUNGS-K8S-IMAGE-002
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     image: registry.example.com/shop/app@sha256:<digest>
package rungs.kubernetes.images.digest

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

ref(c) := k8s.image(c)

bad(_, c) if {
	lib.is_known_string(ref(c))
	not k8s.has_digest(ref(c))
}

bad(_, c) if not is_string(ref(c))

undecided(_, c) if lib.is_unknown(ref(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s is not pinned by digest", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its image is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
