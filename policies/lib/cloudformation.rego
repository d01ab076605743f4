# METADATA
# title: CloudFormation helpers
# description: >-
#   Shared by the policies judging CloudFormation templates (resource types
#   AWS::*). A template's resources carry their Properties as `config`, with
#   intrinsics resolved where the template decides them and unknown text
#   ("${...}") otherwise, so the helpers of lib/terraform.rego apply.
package rungs.lib.cloudformation

import rego.v1

import data.rungs.lib

# A property that is known and true (CloudFormation also accepts "true").
enabled(r, name) if lib.truthy(lib.attr(r, name, false))

# A property that is unknown at scan time.
undecided(r, name) if lib.is_unknown(lib.attr(r, name, false))

# The statements of a policy document: a list, one object, or none.
statements(doc) := doc.Statement if is_array(doc.Statement)

statements(doc) := [doc.Statement] if is_object(doc.Statement)

statements(doc) := [] if not is_object(doc)

statements(doc) := [] if {
	is_object(doc)
	not doc.Statement
}

# Every policy document a resource holds: PolicyDocument (AWS::IAM::Policy,
# AWS::IAM::ManagedPolicy) and Policies[].PolicyDocument (roles, users, groups).
documents(r) := [d | some d in array.concat([lib.attr(r, "PolicyDocument", null)], [p.PolicyDocument | some p in policies(r)]); is_object(d)]

policies(r) := ps if {
	ps := lib.attr(r, "Policies", [])
	is_array(ps)
}

policies(r) := [] if not is_array(lib.attr(r, "Policies", []))

# A value or list of values that holds `x` (or is `x`).
holds(v, x) if v == x

holds(v, x) if {
	is_array(v)
	x in v
}

# at(r, path, dflt): the property at path (a list of keys and list indexes) of r's
# Properties; dflt when absent or null. When a property on the way is unknown
# (`MetadataOptions: !If [C, {...}, {...}]` left undecided), that unknown text is the
# value, so lib.tri_* give "unknown" instead of judging the default.
at(r, path, dflt) := v if {
	count(blockers(r, path)) == 0
	v := object.get(lib.config(r), path, null)
	v != null
}

at(r, path, dflt) := dflt if {
	count(blockers(r, path)) == 0
	object.get(lib.config(r), path, null) == null
}

at(r, path, _) := blockers(r, path)[0] if count(blockers(r, path)) > 0

blockers(r, path) := [x |
	some i in numbers.range(1, count(path))
	i < count(path)
	x := object.get(lib.config(r), array.slice(path, 0, i), null)
	lib.is_unknown(x)
]

# tri_set(v): "pass" when v is set to a known non-empty value or names a resource of
# the template (`!Ref Key`, `!GetAtt Key.Arn`), "unknown" for other unknown text (a
# parameter without value may be empty), "fail" when absent, null or "".
tri_set(v) := "pass" if {
	not lib.is_unknown(v)
	lib.is_set(v)
	v != []
	v != {}
}

tri_set(v) := "pass" if names_resource(v)

tri_set(v) := "unknown" if {
	lib.is_unknown(v)
	not names_resource(v)
}

tri_set(v) := "fail" if {
	not lib.is_unknown(v)
	not set_value(v)
}

set_value(v) if {
	lib.is_set(v)
	v != []
	v != {}
}

# The logical id v refers to: "${Id}" (`!Ref Id`) or "${Id.Attr}" (`!GetAtt`);
# undefined for any other text.
ref_id(v) := id if {
	is_string(v)
	regex.match(`^\$\{[A-Za-z0-9]+(\.[A-Za-z0-9.]+)?\}$`, v)
	id := split(trim_suffix(trim_prefix(v, "${"), "}"), ".")[0]
}

# The logical ids of the resources of the document (a parameter is none of them).
logical_ids := {r.address | some r in input.resources}

# v is a reference to a resource of the template (so it holds a value once deployed).
names_resource(v) if ref_id(v) in logical_ids

# A statement that lets every principal in: Principal "*", {"AWS": "*"} or a list
# holding "*", with no Condition to narrow it.
public_statement(s) if {
	is_object(s)
	object.get(s, "Effect", "") == "Allow"
	everyone(object.get(s, "Principal", null))
	object.get(s, "Condition", null) == null
}

everyone(p) if p == "*"

everyone(p) if {
	is_object(p)
	holds(object.get(p, "AWS", null), "*")
}

# An Allow statement whose Principal or Condition the scan cannot read.
maybe_public_statement(s) if {
	is_object(s)
	object.get(s, "Effect", "Allow") != "Deny"
	some k in ["Effect", "Principal", "Condition"]
	lib.unknown_value(object.get(s, k, null))
}

maybe_public_statement(s) if {
	is_object(s)
	object.get(s, "Effect", "Allow") != "Deny"
	p := object.get(s, "Principal", {})
	is_object(p)
	lib.unknown_value(object.get(p, "AWS", null))
}

maybe_public_statement(s) if lib.is_unknown(s)

# Attributes given as a list of {Key, Value} (load balancers): the value of key, dflt
# when absent; the unknown text of the list, or of an entry, when it cannot be read.
key_value(r, name, key, dflt) := v if {
	attrs := lib.attr(r, name, [])
	is_array(attrs)
	not unknown_entry(attrs)
	vs := [object.get(a, "Value", null) | some a in attrs; is_object(a); object.get(a, "Key", "") == key]
	v := last_or(vs, dflt)
}

key_value(r, name, _, _) := v if {
	v := lib.attr(r, name, [])
	lib.is_unknown(v)
}

key_value(r, name, _, _) := "${attribute}" if {
	attrs := lib.attr(r, name, [])
	is_array(attrs)
	unknown_entry(attrs)
}

unknown_entry(attrs) if {
	some a in attrs
	lib.is_unknown(a)
}

unknown_entry(attrs) if {
	some a in attrs
	is_object(a)
	lib.is_unknown(object.get(a, "Key", ""))
}

last_or(vs, dflt) := vs[count(vs) - 1] if count(vs) > 0

last_or(vs, dflt) := dflt if count(vs) == 0

# negate(s): the verdict on "not s" ("pass" <-> "fail"; "unknown" stays). For
# policies that compute whether something bad holds (a rule is open to the internet).
negate("pass") := "fail"

negate("fail") := "pass"

negate("unknown") := "unknown"

# The logical ids the property key of the resources of type t refers to
# (`ResourceId: !Ref Vpc`). Call it from a rule without arguments, so it is
# computed once per document: `covered := cfn.referenced("AWS::EC2::FlowLog", "ResourceId")`.
referenced(t, key) := {id |
	some x in lib.resources(t)
	id := ref_id(lib.attr(x, key, null))
}

# Some resource of type t has a property key that may name any resource: unknown
# text that is no reference to the template's resources (a parameter, an import).
loosely_referenced(t, key) if {
	some x in lib.resources(t)
	v := lib.attr(x, key, null)
	lib.is_unknown(v)
	not names_resource(v)
}

# Security group ingress rules: the SecurityGroupIngress list of an
# AWS::EC2::SecurityGroup, or a standalone AWS::EC2::SecurityGroupIngress.
ingress_rules(r) := rs if {
	r.type == "AWS::EC2::SecurityGroup"
	rs := lib.attr(r, "SecurityGroupIngress", [])
	is_array(rs)
}

ingress_rules(r) := [lib.config(r)] if r.type == "AWS::EC2::SecurityGroupIngress"

# The ingress list itself is unknown (`SecurityGroupIngress: !If [...]`).
ingress_unknown(r) if lib.is_unknown(lib.attr(r, "SecurityGroupIngress", []))

internet_cidrs := {"0.0.0.0/0", "::/0"}

# "pass" when the rule admits the whole internet (CidrIp or CidrIpv6).
from_internet(rule) := "unknown" if lib.is_unknown(rule)

from_internet(rule) := lib.any_of([
	lib.tri_in(object.get(rule, "CidrIp", ""), internet_cidrs),
	lib.tri_in(object.get(rule, "CidrIpv6", ""), internet_cidrs),
]) if is_object(rule)

# The statements of policy document d: "fail" when one lets every principal in
# without a condition, "unknown" when the document, a statement or a principal
# cannot be read, "pass" otherwise.
document_state(d) := "fail" if {
	some s in statements(d)
	public_statement(s)
}

document_state(d) := "unknown" if {
	not document_public(d)
	document_undecided(d)
}

document_state(d) := "pass" if {
	is_object(d)
	not document_public(d)
	not document_undecided(d)
}

document_public(d) if {
	some s in statements(d)
	public_statement(s)
}

document_undecided(d) if lib.is_unknown(d)

document_undecided(d) if lib.is_unknown(object.get(d, "Statement", null))

document_undecided(d) if {
	some s in statements(d)
	maybe_public_statement(s)
}
