# METADATA
# title: Kubernetes containers pull tagged images every time
# description: >-
#   Every container whose image is not pinned by digest has imagePullPolicy
#   Always (the default only for latest or untagged images; IfNotPresent
#   otherwise). With IfNotPresent a node runs whatever it cached under the
#   tag, and pods of other tenants can start an image cached with someone
#   else's pull credentials. Digest-pinned images pass whatever the policy.
# custom:
#   id: RUNGS-K8S-IMAGE-003
#   severity: low
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     imagePullPolicy: Always   # or pin the image by digest
package rungs.kubernetes.images.pull_policy

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

ref(c) := k8s.image(c)

# imagePullPolicy, or its Kubernetes default.
policy_of(c) := v if {
	v := object.get(c, "imagePullPolicy", null)
	v != null
}

policy_of(c) := "Always" if {
	object.get(c, "imagePullPolicy", null) == null
	k8s.tag(ref(c)) in {"", "latest"}
}

policy_of(c) := "IfNotPresent" if {
	object.get(c, "imagePullPolicy", null) == null
	not k8s.tag(ref(c)) in {"", "latest"}
}

bad(_, c) if {
	lib.is_known_string(ref(c))
	not k8s.has_digest(ref(c))
	p := policy_of(c)
	not lib.is_unknown(p)
	p != "Always"
}

undecided(_, c) if lib.is_unknown(ref(c))

undecided(_, c) if lib.is_unknown(object.get(c, "imagePullPolicy", null))

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, sprintf("container %s may run a cached image (imagePullPolicy is not Always)", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	bad(r, c)
}

unknown contains f if {
	some f in k8s.unlisted
	f.resource in judged
}

unknown contains lib.finding(r, sprintf("container %s: its image or imagePullPolicy is unknown at scan time", [k8s.name(c)])) if {
	some r in k8s.workloads
	r.type in types
	some c in k8s.containers(r)
	undecided(r, c)
}
