# METADATA
# title: Kubernetes container images name a tag other than latest
# description: >-
#   Every container image names a version: a tag other than latest, or a
#   digest. An image without a tag is latest, and latest is a moving
#   pointer: a rollout or a restart silently runs whatever was pushed last,
#   which nobody reviewed.
# custom:
#   id: RUNGS-K8S-IMAGE-001
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     image: registry.example.com/shop/app:1.4.2
#     # or, better, pinned: registry.example.com/shop/app@sha256:<digest>
package rungs.kubernetes.images.no_latest_tag

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

ref(c) := k8s.image(c)

bad(_, c) if {
	lib.is_known_string(ref(c))
	not k8s.has_digest(ref(c))
	k8s.tag(ref(c)) in {"", "latest"}
}

bad(_, c) if not is_string(ref(c))

undecided(_, c) if lib.is_unknown(ref(c))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s uses the latest tag (or no tag)", [k8s.name(c)])) if {
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
