# Helpers for Google Cloud (google provider v5/v6) policies.
#
# Everything here follows the rules of package rungs.lib: unknown values
# ("${...}") never match a check, and helpers that may run once per pair of
# resources use string functions only (no regex, no sprintf).
package rungs.lib.gcp

import rego.v1

import data.rungs.lib

# ---------------------------------------------------------------------------
# Generic accessors
# ---------------------------------------------------------------------------

# obj[key], or dflt when absent or null (an argument set to null is unset, so
# the provider default applies). obj must be an object (lib.blocks items are).
get(obj, key, dflt) := v if {
	v := obj[key]
	v != null
} else := dflt

# The nested blocks `name` of the first-level blocks `outer` of resource r:
# settings { ip_configuration { ... } } -> the ip_configuration objects.
nested(r, outer, name) := [x |
	some b in lib.blocks(r, outer)
	some x in lib.sub_blocks(b, name)
]

# A block produced by a `dynamic` block whose for_each is unknown may stand for
# no block at all. The loader does not mark such blocks yet; when it does (as
# `_for_each` holding the unknown text), blocks whose presence alone is judged
# (an access_config means a public IP) are skipped through this helper.
maybe_absent(b) if lib.is_unknown(object.get(b, "_for_each", null))

# Blocks `name` of r that certainly exist.
present_blocks(r, name) := [b | some b in lib.blocks(r, name); not maybe_absent(b)]

# A string flag written as a boolean or as the provider's strings ("TRUE",
# "true", "1"): metadata values, org policy enforce flags, ...
flag_on(v) if lib.truthy(v)

flag_on(v) if {
	is_string(v)
	trim_space(v) == "1"
}

flag_off(v) if lib.falsy(v)

flag_off(v) if {
	is_string(v)
	trim_space(v) == "0"
}

# ---------------------------------------------------------------------------
# IAM members and bindings
# ---------------------------------------------------------------------------

# Principals meaning "anyone" (anonymous) and "any Google account".
public_members := {"allUsers", "allAuthenticatedUsers"}

is_public_member(m) if {
	is_string(m)
	trim_space(m) in public_members
}

# A member naming people directly: a user, a group or a whole domain. The
# prefix is judged even when the rest is unknown ("user:${var.admin}").
human_prefixes := ["user:", "group:", "domain:"]

is_human_member(m) if {
	is_string(m)
	some p in human_prefixes
	startswith(trim_space(m), p)
}

# The bindings an IAM resource grants, as [{"role": r, "members": [...]}]:
#   *_iam_binding: role + members; *_iam_member: role + member;
#   *_iam_policy: the bindings of policy_data (JSON, possibly written by
#   jsonencode with unknown parts, or a data.google_iam_policy by reference).
bindings_of(r) := [{"role": lib.attr(r, "role", null), "members": lib.list_or_empty(lib.attr(r, "members", []))}] if {
	endswith(r.type, "_iam_binding")
}

bindings_of(r) := [{"role": lib.attr(r, "role", null), "members": [lib.attr(r, "member", null)]}] if {
	endswith(r.type, "_iam_member")
}

bindings_of(r) := policy_bindings(r) if {
	endswith(r.type, "_iam_policy")
}

policy_bindings(r) := array.concat(json_bindings(r), data_bindings(r))

# Bindings of a JSON policy_data: {"bindings": [{"role": ..., "members": [...]}]}.
json_bindings(r) := [b |
	doc := lib.policy_doc(lib.attr(r, "policy_data", null))
	bs := object.get(doc, "bindings", [])
	is_array(bs)
	some x in bs
	is_object(x)
	b := {"role": object.get(x, "role", null), "members": lib.list_or_empty(object.get(x, "members", []))}
]

# Bindings of the data.google_iam_policy documents policy_data refers to.
data_bindings(r) := [b |
	v := lib.attr(r, "policy_data", null)
	lib.is_unknown(v)
	some d in lib.resources("data.google_iam_policy")
	lib.designates(v, d, lib.module_of(r))
	some x in lib.blocks(d, "binding")
	b := {"role": object.get(x, "role", null), "members": lib.list_or_empty(object.get(x, "members", []))}
]

# One entry per (role, member) an IAM resource grants:
# [{"role": "roles/owner", "member": "user:a@example.com"}, ...]. Grants with
# an unknown role are left out; members are strings that may hold unknown
# parts ("user:${var.admin}"): test them with is_public_member and
# is_human_member, which judge only their known part.
grants(r) := [{"role": role, "member": m} |
	some b in bindings_of(r)
	role := b.role
	lib.is_known_string(role)
	some m in b.members
	is_string(m)
]

# The IAM resources (binding, member, policy) of the given scopes, e.g.
# iam_types(["google_project"]) -> google_project_iam_binding, ...
iam_types(scopes) := [t |
	some s in scopes
	some suffix in ["_iam_binding", "_iam_member", "_iam_policy"]
	t := concat("", [s, suffix])
]

# ---------------------------------------------------------------------------
# Firewall rules (google_compute_firewall)
# ---------------------------------------------------------------------------

# Protocols that carry ports, by name or IP protocol number.
port_protocols := {"tcp", "udp", "sctp", "6", "17", "132"}

# The rule applies to incoming traffic (the provider default direction is
# INGRESS) and is not disabled (default false). Unknown values: not judged.
active_ingress(fw) if {
	d := lib.attr(fw, "direction", "INGRESS")
	is_string(d)
	upper(d) == "INGRESS"
	lib.falsy(lib.attr(fw, "disabled", false))
}

# The open (internet) source ranges of a rule. Without source_ranges the rule
# admits only the instances its source_tags / source_service_accounts name
# (the provider requires one of the three for ingress).
open_sources(fw) := {trim_space(c) |
	some c in lib.list_or_empty(lib.attr(fw, "source_ranges", []))
	lib.is_open_cidr(c)
}

# An allow block { protocol, ports } lets traffic reach port p.
allow_reaches_port(a, _) if all_protocols(object.get(a, "protocol", null))

allow_reaches_port(a, _) if {
	port_protocol(object.get(a, "protocol", null))
	every_port(object.get(a, "ports", null))
}

allow_reaches_port(a, p) if {
	port_protocol(object.get(a, "protocol", null))
	ports := object.get(a, "ports", null)
	is_array(ports)
	some spec in ports
	spec_covers(spec, p)
}

# An allow block lets traffic reach every port.
allow_reaches_all_ports(a) if all_protocols(object.get(a, "protocol", null))

allow_reaches_all_ports(a) if {
	port_protocol(object.get(a, "protocol", null))
	every_port(object.get(a, "ports", null))
}

allow_reaches_all_ports(a) if {
	port_protocol(object.get(a, "protocol", null))
	ports := object.get(a, "ports", null)
	is_array(ports)
	some spec in ports
	spec_covers(spec, 1)
	spec_covers(spec, 65535)
}

all_protocols(p) if {
	is_string(p)
	lower(trim_space(p)) == "all"
}

port_protocol(p) if {
	is_string(p)
	lower(trim_space(p)) in port_protocols
}

port_protocol(p) if {
	is_number(p)
	p in {6, 17, 132}
}

# No ports listed (absent, null or []): every port of the protocol.
every_port(ports) if ports == null

every_port(ports) if {
	is_array(ports)
	count(ports) == 0
}

# A port spec ("22", "8000-9000", or a number) covers port p. Unknown specs
# never match.
spec_covers(spec, p) if lib.to_num(spec) == p

spec_covers(spec, p) if {
	is_string(spec)
	contains(spec, "-")
	parts := split(spec, "-")
	count(parts) == 2
	lib.range_covers(parts[0], parts[1], p)
}

# ---------------------------------------------------------------------------
# Organization policies
# ---------------------------------------------------------------------------

org_policy_types := ["google_org_policy_policy", "google_organization_policy", "google_folder_organization_policy", "google_project_organization_policy"]

# The constraints an org policy resource sets, without "constraints/":
# google_org_policy_policy names it in `name` (".../policies/<constraint>"),
# the v1 resources in `constraint`. A block with a known for_each that names
# "${each.key}" sets one constraint per key. Unknown names are left out.
constraints_of(p) := {c |
	some v in constraint_texts(p)
	lib.is_known_string(v)
	c := trim_prefix(v, "constraints/")
}

constraint_texts(p) := {constraint_text(p, v) | some v in named_values(p)}

# The value naming the constraint, with ${each.key} replaced by each key of a
# known for_each (an object's keys, or the string items of a set, which the
# document holds as a list).
named_values(p) := {replace(v, "${each.key}", k) |
	v := raw_name(p)
	contains(v, "${each.key}")
	some k in for_each_keys(p)
} if {
	contains(raw_name(p), "${each.key}")
	count(for_each_keys(p)) > 0
} else := {raw_name(p)} if raw_name(p)

raw_name(p) := v if {
	p.type == "google_org_policy_policy"
	v := lib.attr(p, "name", null)
	is_string(v)
}

raw_name(p) := v if {
	p.type != "google_org_policy_policy"
	v := lib.attr(p, "constraint", null)
	is_string(v)
}

for_each_keys(p) := {k | some k, _ in p.for_each} if is_object(p.for_each)

for_each_keys(p) := {k | some k in p.for_each; is_string(k)} if is_array(p.for_each)

# The text after "/policies/" of a v2 name; the v1 constraint as is.
constraint_text(p, v) := parts[count(parts) - 1] if {
	p.type == "google_org_policy_policy"
	contains(v, "/policies/")
	parts := split(v, "/policies/")
}

constraint_text(p, v) := v if p.type != "google_org_policy_policy"

# The constraint of a resource setting exactly one (undefined otherwise).
constraint_of(p) := c if {
	cs := constraints_of(p)
	count(cs) == 1
	some c in cs
}

# The org policy resource may set this constraint: it names it, or its name
# cannot be known (a variable, an unknown for_each key).
may_set(p, constraint) if constraint in constraints_of(p)

may_set(p, _) if {
	some v in constraint_texts(p)
	lib.is_unknown(v)
}

may_set(p, _) if {
	p.type == "google_org_policy_policy"
	lib.is_unknown(lib.attr(p, "name", null))
	not contains(lib.attr(p, "name", ""), "/policies/")
}

# The policy enforces or restricts its constraint (unknown counts as enforcing):
#   v2 spec { rules { enforce = "TRUE" | deny_all = "TRUE" | values {...} } }
#   v1 boolean_policy { enforced = true }, list_policy { deny { all = true } }
#      or list_policy { allow { values = [...] } } / { deny { values = [...] } }
enforces(p) if {
	p.type == "google_org_policy_policy"
	some spec in lib.blocks(p, "spec")
	some rule in lib.sub_blocks(spec, "rules")
	rule_restricts(rule)
}

enforces(p) if {
	p.type == "google_org_policy_policy"
	lib.is_unknown(lib.attr(p, "spec", null))
}

enforces(p) if {
	p.type != "google_org_policy_policy"
	some bp in lib.blocks(p, "boolean_policy")
	v := get(bp, "enforced", false)
	not flag_off(v)
}

enforces(p) if {
	p.type != "google_org_policy_policy"
	some lp in lib.blocks(p, "list_policy")
	list_restricts(lp)
}

rule_restricts(rule) if not flag_off(get(rule, "enforce", "FALSE"))

rule_restricts(rule) if not flag_off(get(rule, "deny_all", "FALSE"))

rule_restricts(rule) if count(lib.sub_blocks(rule, "values")) > 0

list_restricts(lp) if {
	some d in lib.sub_blocks(lp, "deny")
	d != {}
}

list_restricts(lp) if {
	some a in lib.sub_blocks(lp, "allow")
	not flag_on(get(a, "all", false))
	count(lib.list_or_empty(get(a, "values", []))) > 0
}

list_restricts(lp) if {
	some a in lib.sub_blocks(lp, "allow")
	lib.is_unknown(get(a, "values", null))
}

# The policy is attached to the organization or a folder (not a project), or
# its parent is unknown.
org_or_folder_level(p) if p.type in {"google_organization_policy", "google_folder_organization_policy"}

org_or_folder_level(p) if {
	p.type == "google_org_policy_policy"
	parent := lib.attr(p, "parent", null)
	is_string(parent)
	some prefix in ["organizations/", "folders/"]
	startswith(parent, prefix)
}

org_or_folder_level(p) if {
	p.type == "google_org_policy_policy"
	parent := lib.attr(p, "parent", null)
	is_string(parent)
	startswith(parent, "${")
}

# Some org policy at organization or folder level enforces the constraint.
constraint_enforced_centrally(constraint) if {
	some t in org_policy_types
	some p in lib.resources(t)
	org_or_folder_level(p)
	may_set(p, constraint)
	enforces(p)
}

# Which resources an org policy covers. A policy on a project covers that project's resources;
# on a folder or the organization, the resources of projects the document shows to be under it
# (google_project folder_id / org_id, then google_folder parents, three folder levels).
# Resources and policies are compared by node keys: a known id without its "projects/",
# "folders/" or "organizations/" prefix, or "ref:<module>:<type.name>" for a reference to a
# google_project / google_folder / google_organization of the document (any attribute: project_id,
# number, name, folder_id all name the same node). Anything else cannot be compared.

# constraint_covers(c, r): an org policy of the document that surely enforces c (known constraint
# name, known enforcement) surely applies to resource r.
constraint_covers(constraint, r) if {
	some p in enforcing_policies(constraint)
	constraint in constraints_of(p)
	not enforcement_unknown(p)
	covers(p, r)
}

# constraint_may_cover(c, r): some org policy that enforces or may enforce c may apply to r; the
# scan cannot exclude it. A policy whose resource should otherwise be denied is then unknown.
constraint_may_cover(constraint, r) if {
	some p in enforcing_policies(constraint)
	not excludes(p, r)
}

enforcing_policies(constraint) := [p |
	some t in org_policy_types
	some p in lib.resources(t)
	may_set(p, constraint)
	enforces(p)
]

# An enforcement setting of p is unknown text (enforces counts it as enforcing).
enforcement_unknown(p) if lib.is_unknown(lib.attr(p, "spec", null))

enforcement_unknown(p) if {
	some spec in lib.blocks(p, "spec")
	some rule in lib.sub_blocks(spec, "rules")
	some k in ["enforce", "deny_all"]
	lib.is_unknown(get(rule, k, null))
}

enforcement_unknown(p) if {
	some bp in lib.blocks(p, "boolean_policy")
	lib.is_unknown(get(bp, "enforced", null))
}

enforcement_unknown(p) if {
	some lp in lib.blocks(p, "list_policy")
	some a in lib.sub_blocks(lp, "allow")
	lib.is_unknown(get(a, "values", null))
}

# The level ("projects", "folders", "organizations") and node key an org policy is attached to.
attached(p) := ["projects", k] if {
	p.type == "google_project_organization_policy"
	k := node_key(lib.attr(p, "project", null), p)
}

attached(p) := ["folders", k] if {
	p.type == "google_folder_organization_policy"
	k := node_key(lib.attr(p, "folder", null), p)
}

attached(p) := ["organizations", k] if {
	p.type == "google_organization_policy"
	k := node_key(lib.attr(p, "org_id", null), p)
}

attached(p) := [level, k] if {
	p.type == "google_org_policy_policy"
	parent := lib.attr(p, "parent", null)
	is_string(parent)
	some level in ["projects", "folders", "organizations"]
	startswith(parent, concat("", [level, "/"]))
	k := node_key(parent, p)
}

# A google_folder's name ("folders/123") as its parent: a reference to it names a folder.
attached(p) := ["folders", k] if {
	p.type == "google_org_policy_policy"
	parent := lib.attr(p, "parent", null)
	startswith(parent, "${google_folder.")
	k := node_key(parent, p)
}

# The node key of text v found in resource r (see above); undefined when v cannot be compared.
node_key(v, _) := k if {
	lib.is_known_string(v)
	k := trim_prefix(trim_prefix(trim_prefix(trim_space(v), "projects/"), "folders/"), "organizations/")
	k != ""
	not contains(k, "/")
}

node_key(v, r) := concat("", ["ref:", lib.module_of(r), ":", parts[0], ".", split(parts[1], "[")[0]]) if {
	lib.is_unknown(v)
	t := trim_prefix(trim_prefix(trim_prefix(v, "projects/"), "folders/"), "organizations/")
	startswith(t, "${")
	endswith(t, "}")
	parts := split(trim_suffix(trim_prefix(t, "${"), "}"), ".")
	count(parts) == 3
	parts[0] in {"google_project", "google_folder", "google_organization"}
}

# The node keys that name project resource gp, or folder resource f.
self_keys(x) := {concat("", ["ref:", lib.module_of(x), ":", x.ref])} | {k |
	some a in ["project_id", "folder_id", "org_id"]
	x.type == self_attr_type[a]
	k := node_key(lib.attr(x, a, null), x)
	lib.is_known_string(lib.attr(x, a, null))
}

self_attr_type := {"project_id": "google_project", "folder_id": "google_folder", "org_id": "google_organization"}

# The node key of r's project: itself for a google_project, else its `project` argument.
project_key(r) := k if {
	r.type == "google_project"
	some k in self_keys(r)
	startswith(k, "ref:")
}

project_key(r) := node_key(lib.attr(r, "project", null), r) if r.type != "google_project"

# The google_project resources of the document that key k names.
projects_named(k) := [gp | some gp in lib.resources("google_project"); k in self_keys(gp)]

folders_named(k) := [f | some f in lib.resources("google_folder"); k in self_keys(f)]

# The folder and organization nodes r's project is known to be under: [level, key] pairs.
ancestors(r) := {a | some gp in projects_named(project_key(r)); some a in up(gp)}

# The parents of project gp, and of the declared folders above it, three folder levels up.
up(gp) := {a | some a in direct_parents(gp)} | {a |
	some f in parent_folders(gp)
	some a in direct_parents(f)
} | {a |
	some f in parent_folders(gp)
	some g in parent_folders(f)
	some a in direct_parents(g)
}

# The google_folder resources of the document that are x's parent.
parent_folders(x) := {f |
	some [level, k] in direct_parents(x)
	level == "folders"
	some f in folders_named(k)
}

direct_parents(x) := {["folders", k] | x.type == "google_project"; k := node_key(lib.attr(x, "folder_id", null), x)} | {["organizations", k] |
	x.type == "google_project"
	k := node_key(lib.attr(x, "org_id", null), x)
} | {[level, k] |
	x.type == "google_folder"
	parent := lib.attr(x, "parent", null)
	some level in ["folders", "organizations"]
	parent_level(parent, level)
	k := node_key(parent, x)
}

parent_level(parent, level) if startswith(parent, concat("", [level, "/"]))

parent_level(parent, "folders") if startswith(parent, "${google_folder.")

parent_level(parent, "organizations") if startswith(parent, "${google_organization.")

# p surely applies to r: attached to r's project, or to a folder or organization r's project is
# known to be under.
covers(p, r) if {
	a := attached(p)
	a[0] == "projects"
	k := a[1]
	k == project_key(r)
}

covers(p, r) if {
	a := attached(p)
	a[0] == "projects"
	k := a[1]
	some gp in projects_named(k)
	project_key(r) in self_keys(gp)
}

covers(p, r) if {
	a := attached(p)
	a[0] != "projects"
	a in ancestors(r)
}

# p surely does not apply to r: both are on known, different projects.
excludes(p, r) if {
	a := attached(p)
	a[0] == "projects"
	k := a[1]
	rk := project_key(r)
	rk != k
	not startswith(rk, "ref:")
	not startswith(k, "ref:")
}

excludes(p, r) if {
	a := attached(p)
	a[0] == "projects"
	k := a[1]
	rk := project_key(r)
	rk != k
	prefix := concat("", ["ref:", lib.module_of(r), ":"])
	startswith(rk, prefix)
	startswith(k, prefix)
}

# ---------------------------------------------------------------------------
# Compute instances
# ---------------------------------------------------------------------------

# The value of a metadata key of a resource ({} when metadata is absent);
# undefined when the key is absent, "${...}" when metadata is unknown.
metadata_value(r, key) := v if {
	m := lib.attr(r, "metadata", {})
	is_object(m)
	v := m[key]
}

metadata_value(r, _) := m if {
	m := lib.attr(r, "metadata", {})
	lib.is_unknown(m)
}

# Project-wide metadata of the document may set key: a google_compute_project_metadata
# holding it (or unknown metadata), or a google_compute_project_metadata_item
# with that key (or an unknown key). Returns the candidate values.
project_metadata_values(key) := array.concat(
	[v |
		some pm in lib.resources("google_compute_project_metadata")
		v := metadata_value(pm, key)
	],
	[v |
		some item in lib.resources("google_compute_project_metadata_item")
		k := lib.attr(item, "key", null)
		item_key_matches(k, key)
		v := lib.attr(item, "value", null)
	],
)

item_key_matches(k, key) if k == key

item_key_matches(k, _) if lib.is_unknown(k)

# The Compute Engine default service account: <number>-compute@developer.gserviceaccount.com.
is_default_compute_sa(email) if {
	lib.is_known_string(email)
	endswith(trim_space(email), "-compute@developer.gserviceaccount.com")
}

is_default_compute_sa(email) if email == "default"

# OAuth scopes granting every Cloud API.
full_access_scope(s) if {
	is_string(s)
	trim_space(s) in {"cloud-platform", "https://www.googleapis.com/auth/cloud-platform"}
}

# ---------------------------------------------------------------------------
# IAM resources the scan cannot judge
# ---------------------------------------------------------------------------

# unjudged_grants(types): findings, for a policy's `unknown` rule, of the IAM
# resources of types whose role or policy is unknown at scan time, or with a
# member unknown at scan time that is not another resource's attribute. A
# member taken from a resource (a service account's email, a log sink's
# writer_identity) is an identity that resource has, never a person or the
# public, so it does not make the grant unknown.
unjudged_grants(types) := {lib.finding(r, "the role or a member is unknown at scan time") |
	some t in types
	some r in lib.resources(t)
	unknown_grant(r)
}

unknown_grant(r) if {
	some n in ["role", "policy_data", "members"]
	lib.wholly_unknown(lib.attr(r, n, null))
}

unknown_grant(r) if unknown_member(lib.attr(r, "member", null))

unknown_grant(r) if {
	some m in lib.list_or_empty(lib.attr(r, "members", []))
	unknown_member(m)
}

unknown_member(m) if {
	lib.wholly_unknown(m)
	not lib.resource_reference(m)
}

# ---------------------------------------------------------------------------
# Projects: which project-wide settings cover a resource
# ---------------------------------------------------------------------------

# Resources a and b are in the same project: both name the same known
# project, or the same reference ("${google_project.p.project_id}"), or
# neither names one and they use the same provider configuration (its default
# project).
same_project(a, b) if {
	pa := lib.attr(a, "project", null)
	pa != null
	pa == lib.attr(b, "project", null)
	project_text_comparable(pa, a, b)
}

same_project(a, b) if {
	lib.attr(a, "project", null) == null
	lib.attr(b, "project", null) == null
	lib.same_provider(a, b)
}

# Known names compare anywhere; a reference only within one module.
project_text_comparable(p, _, _) if lib.is_known_string(p)

project_text_comparable(p, a, b) if {
	lib.is_unknown(p)
	lib.module_of(a) == lib.module_of(b)
}

# a and b are in different projects: two different known names.
different_project(a, b) if {
	pa := lib.attr(a, "project", null)
	pb := lib.attr(b, "project", null)
	lib.is_known_string(pa)
	lib.is_known_string(pb)
	pa != pb
}

# The scan cannot tell whether a and b are in the same project.
maybe_same_project(a, b) if {
	not same_project(a, b)
	not different_project(a, b)
}
