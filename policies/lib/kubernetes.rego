# METADATA
# title: Kubernetes helpers
# description: >-
#   Shared by the policies judging Kubernetes manifests. A manifest object's
#   resource has the kind as `type` and the whole object as `config`
#   (apiVersion, metadata with its namespace defaulted to "default", spec...).
#   Strings holding "${" (envsubst) or an unrendered "{{ }}" template are
#   unknown, as in Terraform. Helpers here find the pod spec of every workload
#   kind and read fields through unknowns: a value on the way that is unknown
#   makes the field unknown, never absent.
package rungs.lib.kubernetes

import rego.v1

import data.rungs.lib

# The kinds that hold a pod template (or are pods).
workload_types := ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"]

# Every workload object of the document.
workloads := [r | some t in workload_types; some r in lib.resources(t)]

# The path from an object to its pod spec.
spec_path(r) := ["spec"] if r.type == "Pod"

spec_path(r) := ["spec", "jobTemplate", "spec", "template", "spec"] if r.type == "CronJob"

spec_path(r) := ["spec", "template", "spec"] if not r.type in {"Pod", "CronJob"}

# The path from an object to the metadata of its pods.
pod_meta_path(r) := ["metadata"] if r.type == "Pod"

pod_meta_path(r) := array.concat(array.slice(p, 0, count(p) - 1), ["metadata"]) if {
	r.type != "Pod"
	p := spec_path(r)
}

# at(obj, path): the value at path (an array of keys) in obj, null when absent;
# the unknown text when a value on the way (or the value) is unknown.
at(obj, path) := object.get(obj, path, null) if not unknown_on(obj, path)

at(obj, path) := first_unknown_on(obj, path) if unknown_on(obj, path)

unknown_on(obj, path) if {
	some i in numbers.range(1, count(path))
	lib.is_unknown(object.get(obj, array.slice(path, 0, i), null))
}

first_unknown_on(obj, path) := [u |
	some i in numbers.range(1, count(path))
	u := object.get(obj, array.slice(path, 0, i), null)
	lib.is_unknown(u)
][0]

# A field of the pod spec (path below it).
pod_field(r, path) := at(lib.config(r), array.concat(spec_path(r), path))

# A field of the pods' metadata (path below it: ["annotations", key]).
pod_meta_field(r, path) := at(lib.config(r), array.concat(pod_meta_path(r), path))

# The pod spec is unknown (or a value on the way to it).
spec_unknown(r) if unknown_on(lib.config(r), spec_path(r))

# The pod spec as an object, {} when absent; undefined when unknown.
pod_spec(r) := s if {
	not spec_unknown(r)
	s := object.get(lib.config(r), spec_path(r), {})
	is_object(s)
}

pod_spec(r) := {} if {
	not spec_unknown(r)
	not is_object(object.get(lib.config(r), spec_path(r), {}))
}

container_fields := ["containers", "initContainers", "ephemeralContainers"]

# Every container of a workload (init and ephemeral ones too), as objects.
containers(r) := [c |
	some f in container_fields
	cs := object.get(pod_spec(r), f, [])
	is_array(cs)
	some c in cs
	is_object(c)
]

# The containers and init containers (ephemeral containers cannot set
# resources or probes).
app_containers(r) := [c |
	some f in ["containers", "initContainers"]
	cs := object.get(pod_spec(r), f, [])
	is_array(cs)
	some c in cs
	is_object(c)
]

# The long-running containers only (probes apply to them).
main_containers(r) := [c |
	cs := object.get(pod_spec(r), "containers", [])
	is_array(cs)
	some c in cs
	is_object(c)
]

# The containers of a workload cannot all be listed: the pod spec, a container
# list or a container is unknown.
containers_unknown(r) if spec_unknown(r)

containers_unknown(r) if {
	some f in container_fields
	lib.is_unknown(object.get(pod_spec(r), f, null))
}

containers_unknown(r) if {
	some f in container_fields
	cs := object.get(pod_spec(r), f, [])
	is_array(cs)
	some c in cs
	lib.is_unknown(c)
}

# Findings, for a policy's `unknown` rule, of the workloads whose containers
# cannot all be listed.
unlisted := {lib.finding(r, "the pod spec or its containers are unknown at scan time") |
	some r in workloads
	containers_unknown(r)
}

# Findings of the workloads whose pod spec is unknown (for pod-level policies).
unknown_specs := {lib.finding(r, "the pod spec is unknown at scan time") |
	some r in workloads
	spec_unknown(r)
}

# A container's name for messages.
name(c) := n if {
	n := c.name
	is_string(n)
}

name(c) := "?" if not is_string(object.get(c, "name", null))

# A field of a container's securityContext (path below it).
sc(c, path) := at(c, array.concat(["securityContext"], path))

# The securityContext field that applies to a container: its own, else the
# pod's (runAsNonRoot, runAsUser, seccompProfile, seLinuxOptions,
# appArmorProfile and windowsOptions are inherited).
effective(r, c, path) := v if {
	v := sc(c, path)
	v != null
}

effective(r, c, path) := pod_field(r, array.concat(["securityContext"], path)) if sc(c, path) == null

# Tri-state verdict of a value that must not be the known true (absent: false).
not_true(v) := "unknown" if lib.is_unknown(v)

not_true(v) := "fail" if lib.truthy(v)

not_true(v) := "pass" if {
	not lib.is_unknown(v)
	not lib.truthy(v)
}

# A list value, [] when absent or not a list (regorus errors on `some x in null`).
list(v) := v if is_array(v)

list(v) := [] if not is_array(v)

# The string items of a list value ([] when absent or not a list).
strings(v) := [x | some x in v; is_string(x)] if is_array(v)

strings(v) := [] if not is_array(v)

# A list value is unknown, or holds an unknown item.
list_unknown(v) if lib.is_unknown(v)

list_unknown(v) if {
	is_array(v)
	some x in v
	lib.is_unknown(x)
}

# The namespace of a namespaced object ("default" when the manifest gives none).
namespace(r) := v if {
	v := at(lib.config(r), ["metadata", "namespace"])
	v != null
}

namespace(r) := "default" if at(lib.config(r), ["metadata", "namespace"]) == null

# The image reference of a container: repository, tag and digest.
image(c) := object.get(c, "image", null)

# The image names a digest (`repo@sha256:...`).
has_digest(ref) if contains(ref, "@sha256:")

# The tag of an image reference, "" when it has none (a registry port is not a
# tag: the tag is after the last "/").
tag(ref) := t if {
	not has_digest(ref)
	parts := split(ref, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := split(last, ":")[1]
}

tag(ref) := "" if {
	not has_digest(ref)
	parts := split(ref, "/")
	not contains(parts[count(parts) - 1], ":")
}

# The RBAC rules of a Role or ClusterRole, as objects ([] when absent).
rules(r) := [x | some x in rs; is_object(x)] if {
	rs := object.get(lib.config(r), "rules", [])
	is_array(rs)
}

rules(r) := [] if not is_array(object.get(lib.config(r), "rules", []))

# The rules of a role cannot all be read.
rules_unknown(r) if list_unknown(object.get(lib.config(r), "rules", []))

rules_unknown(r) if {
	some x in rules(r)
	some f in ["verbs", "resources", "apiGroups"]
	list_unknown(object.get(x, f, []))
}

role_types := ["Role", "ClusterRole"]

binding_types := ["RoleBinding", "ClusterRoleBinding"]
