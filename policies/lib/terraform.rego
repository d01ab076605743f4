# Helpers shared by every rungs policy.
#
# Each policy receives one document per Terraform root module (see the
# input description in the policy docs). Values that cannot be known at scan
# time are strings holding their source text ("${var.x}"); helpers here make
# it easy to never judge such a value.
package rungs.lib

import rego.v1

# ---------------------------------------------------------------------------
# Unknown values
# ---------------------------------------------------------------------------

# A value is unknown iff it is a string containing an interpolation.
is_unknown(v) if {
	is_string(v)
	contains(v, "${")
}

# A value is known iff it is not unknown (null, numbers, bools, lists, objects
# and plain strings are known).
is_known(v) if {
	not is_unknown(v)
}

# Known booleans. `is_false(x)` never holds for an unknown string.
is_true(v) if {
	is_boolean(v)
	v == true
}

is_false(v) if {
	is_boolean(v)
	v == false
}

# Some HCL attributes are typed as strings by the provider but written as
# booleans ("true") or the reverse; these accept both spellings.
truthy(v) if is_true(v)

truthy(v) if {
	is_string(v)
	lower(v) == "true"
}

falsy(v) if is_false(v)

falsy(v) if {
	is_string(v)
	lower(v) == "false"
}

# A known string (not an interpolation).
is_known_string(v) if {
	is_string(v)
	not contains(v, "${")
}

# A known, non-empty string.
is_nonempty_string(v) if {
	is_known_string(v)
	trim_space(v) != ""
}

# A value that is set: present, not null, not an empty string. Unknown values
# count as set (the user wrote something we cannot evaluate).
is_set(v) if {
	v != null
	v != ""
}

# to_num(v) is v as a number when it is a number or a string of digits,
# undefined otherwise (unknown strings included). Guard any comparison with it. The string
# is trimmed and matched before to_number: OPA's to_number errors on " 7 " and on "abc".
to_num(v) := v if is_number(v)

to_num(v) := to_number(t) if {
	is_string(v)
	t := trim_space(v)
	regex.match(`^-?[0-9]+(\.[0-9]+)?$`, t)
}

# ---------------------------------------------------------------------------
# Resources and their configuration
# ---------------------------------------------------------------------------

# All resources of type t (data sources: "data.<type>"), [] when none.
resources(t) := rs if {
	rs := input.resources_by_type[t]
	is_array(rs)
} else := []

# True when the document holds at least one resource of type t.
has_resource(t) if {
	count(resources(t)) > 0
}

# The module path of a resource ("" for the root module).
module_of(r) := object.get(r, "module", "")

# The evaluated configuration of a resource ({} when absent).
config(r) := c if {
	c := r.config
	is_object(c)
} else := {}

# config(r)[name], or dflt when absent or null (Terraform treats an argument
# set to null as unset, so the provider default applies).
attr(r, name, dflt) := v if {
	# config(r) inlined (a call costs more than its body): a hot helper.
	c := r.config
	is_object(c)
	v := c[name]
	v != null
} else := dflt

# The nested blocks `name` of a resource: always an array of objects, [] when
# the block is absent or when an attribute of that name is not a list (e.g. an
# unknown "${var.rules}"). Items that are not objects (attribute syntax such as
# `ingress = [local.rule]` leaves "${local.rule}") are dropped, so callers can
# use object.get on every item.
blocks(r, name) := [b | some b in bs; is_object(b)] if {
	c := r.config
	is_object(c)
	bs := c[name]
	is_array(bs)
} else := []

# Nested blocks `name` inside a block object b (same conventions as blocks).
sub_blocks(b, name) := [x | some x in bs; is_object(x)] if {
	bs := b[name]
	is_array(bs)
} else := []

# Resources of the given types whose argument `name` is unknown at scan time, as results for
# a policy's `unknown` rule: a policy that judges that argument then reports those resources
# as not judged instead of passing them.
unknown_argument(types, name) := {finding(r, concat("", [name, " is unknown at scan time"])) |
	some t in types
	some r in resources(t)
	is_unknown(attr(r, name, null))
}

# ---------------------------------------------------------------------------
# Three outcomes: known good, known bad, unknown
# ---------------------------------------------------------------------------

# A policy judges a resource "pass" (known good), "fail" (known bad) or
# "unknown" (the values that decide it cannot be known at scan time). These
# helpers make that the easy path; docs/writing-policies.md shows the pattern.

# unknown_at(r, path): the argument at path ("storage_encrypted",
# "metadata_options.http_tokens", up to three levels of nested blocks) is
# unknown at scan time in resource r: the argument, or a list holding an
# unknown item, or a block on the way given as an unknown value (`ingress =
# var.rules`), or a `dynamic` block on the way over an unknown collection.
unknown_at(r, path) if {
	unknown_in(config(r), split(path, "."))
}

unknown_in(obj, p) if {
	count(p) > 0
	unknown_value(object.get(obj, p[0], null))
}

unknown_in(obj, p) if {
	count(p) > 1
	some b in sub_blocks(obj, p[0])
	unknown_in_block(b, array.slice(p, 1, count(p)))
}

unknown_in_block(b, _) if is_unknown(object.get(b, "_for_each", null))

unknown_in_block(b, p) if {
	unknown_value(object.get(b, p[0], null))
}

unknown_in_block(b, p) if {
	count(p) > 1
	some c in sub_blocks(b, p[0])
	is_unknown(object.get(c, "_for_each", null))
}

unknown_in_block(b, p) if {
	count(p) > 1
	some c in sub_blocks(b, p[0])
	unknown_value(object.get(c, p[1], null))
}

unknown_in_block(b, p) if {
	count(p) > 2
	some c in sub_blocks(b, p[0])
	some d in sub_blocks(c, p[1])
	unknown_value(object.get(d, p[2], null))
}

# v is wholly unknown (its text starts with an interpolation), or a list with
# such an item. Text with a known part ("serviceAccount:${...}", JSON from
# jsonencode over references) is left to the policy, which judges the known
# part (a principal's kind, a policy document's statements).
unknown_value(v) if wholly_unknown(v)

unknown_value(v) if {
	is_array(v)
	some x in v
	wholly_unknown(x)
}

wholly_unknown(v) if {
	is_string(v)
	startswith(v, "${")
}

# unjudged(types, names): findings, for a policy's `unknown` rule, of the
# resources of types with an argument named in names unknown at scan time: at
# the top level, or inside nested blocks whose names are in names too (up to
# three levels), or a block of names given as an unknown value (`ingress =
# var.rules`) or made by a `dynamic` block over an unknown collection. A policy
# lists the arguments and blocks its verdict reads:
#   unknown contains f if {
#   	some f in lib.unjudged(types, ["metadata_options", "http_tokens"])
#   }
# and a resource it does not deny is then reported as not judged instead of
# passed. A resource the policy denies stays a failure (deny wins). Leave out
# arguments the policy only tests for presence (lib.is_set): an unknown value
# is set.
unjudged(types, names) := {finding(r, concat("", [n, " is unknown at scan time"])) |
	some t in types
	some r in resources(t)
	may_be_unknown(config(r), names)
	n := first_unknown(r, names)
}

# Some argument or block of names in cfg holds interpolation text somewhere: a
# necessary condition for first_unknown, tested by one builtin call per name
# instead of some forty calls per resource.
may_be_unknown(cfg, names) if {
	some m in names
	contains(json.marshal(object.get(cfg, m, null)), "${")
}

# The first of names unknown in r (one message per resource).
first_unknown(r, names) := [n | some n in names; unknown_named(config(r), n, names)][0]

unknown_named(obj, n, _) if unknown_here(obj, n)

unknown_named(obj, n, names) if {
	some m in names
	some b in sub_blocks(obj, m)
	unknown_here(b, n)
}

unknown_named(obj, n, names) if {
	some m in names
	some b in sub_blocks(obj, m)
	some m2 in names
	some c in sub_blocks(b, m2)
	unknown_here(c, n)
}

unknown_here(obj, n) if unknown_value(object.get(obj, n, null))

unknown_here(obj, n) if {
	some b in sub_blocks(obj, n)
	is_unknown(object.get(b, "_for_each", null))
}

# maybe_unset(types, names): findings, for a policy's `unknown` rule, of the
# resources of types with an argument of names that is unknown and may be null
# (so unset): any unknown text but a plain reference to a resource or data
# source attribute ("${aws_kms_key.k.arn}" is set; "${var.kms_key_id}" may be
# null). For arguments a policy only tests for presence (lib.is_set).
maybe_unset(types, names) := {finding(r, concat("", [n, " is unknown at scan time (it may be null)"])) |
	some t in types
	some r in resources(t)
	n := [x | some x in names; v := attr(r, x, null); is_unknown(v); not resource_reference(v)][0]
}

# v starts with a reference to an attribute of a managed resource or data
# source ("${aws_kms_key.k.arn}", "${aws_cloudwatch_log_group.g.arn}:*",
# "${aws_instance.web[0].id}"): the pattern
# `^\$\{(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+(\[[^\]]*\])?\.[A-Za-z0-9_.\[\]"]+\}`,
# in two rules without the index's negated class (see checks.closes_once).
resource_reference(v) if regex.match(`^\$\{(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_.\[\]"]+\}`, v)

# With an index: anything up to the first "]", then the attribute.
resource_reference(v) if {
	head := regex.find_n(`^\$\{(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+\[`, v, 1)[0]
	parts := split(trim_prefix(v, head), "]")
	regex.match(`^\.[A-Za-z0-9_.\[\]"]+\}`, concat("]", array.slice(parts, 1, count(parts))))
}

# unjudged_document(types, name): findings of the resources of types whose
# policy document argument name is unknown and can be read neither as JSON
# text nor as a data "aws_iam_policy_document" of the scan.
unjudged_document(types, name) := {finding(r, concat("", [name, " is unknown at scan time"])) |
	some t in types
	some r in resources(t)
	v := attr(r, name, null)
	is_unknown(v)
	not json.is_valid(v)
	not refers_to_type(v, "data.aws_iam_policy_document", module_of(r))
}

# Tri-state verdicts. tri_in(v, good): "unknown" when v is unknown, "pass"
# when v is one of the known values good (an array or set), "fail" otherwise.
# Give absent arguments their provider default first (attr(r, name, dflt)).
tri_in(v, _) := "unknown" if is_unknown(v)

tri_in(v, good) := "pass" if {
	not is_unknown(v)
	v in good
}

tri_in(v, good) := "fail" if {
	not is_unknown(v)
	not v in good
}

# tri_true(v): a known true (or "true") passes, a known false (or anything
# else known) fails.
tri_true(v) := tri_in(v, {true, "true", "True", "TRUE"})

# tri_min(v, n): a known number (or string of digits) of at least n passes.
tri_min(v, _) := "unknown" if is_unknown(v)

tri_min(v, n) := "pass" if to_num(v) >= n

tri_min(v, n) := "fail" if {
	not is_unknown(v)
	not at_least(v, n)
}

at_least(v, n) if to_num(v) >= n

# any_of(states): "pass" when some state passes, else "unknown" when some is
# unknown, else "fail" (alternatives: versioning inline OR in a companion).
any_of(states) := "pass" if "pass" in states

any_of(states) := "unknown" if {
	not "pass" in states
	"unknown" in states
}

any_of(states) := "fail" if {
	not "pass" in states
	not "unknown" in states
}

# all_of(states): "fail" when some state fails, else "unknown" when some is
# unknown, else "pass" (requirements: encrypted AND with a customer key).
all_of(states) := "fail" if "fail" in states

all_of(states) := "unknown" if {
	not "fail" in states
	"unknown" in states
}

all_of(states) := "pass" if {
	not "fail" in states
	not "unknown" in states
}

# ---------------------------------------------------------------------------
# Provider configurations: which account/region settings cover a resource
# ---------------------------------------------------------------------------

# provider_alias(r): the alias of the provider configuration r names in its
# `provider` argument ("${aws.replica}" -> "replica"), "" when it names none
# (the default configuration); undefined when the argument is unknown text of
# another shape.
provider_alias(r) := "" if object.get(config(r), "provider", null) == null

provider_alias(r) := parts[1] if {
	p := config(r).provider
	is_string(p)
	startswith(p, "${")
	endswith(p, "}")
	parts := split(trim_suffix(trim_prefix(p, "${"), "}"), ".")
	count(parts) == 2
}

# Resources a and b use the same provider configuration (so the same account
# and region): the same module and the same alias, or the same configuration
# of the root module once module calls' `providers` maps are followed
# (effective_config).
same_provider(a, b) if {
	module_of(a) == module_of(b)
	provider_alias(a) == provider_alias(b)
}

same_provider(a, b) if effective_config(a) == effective_config(b)

# a and b use different configurations: two different root configurations, or
# two different aliases in the root module.
different_provider(a, b) if {
	ca := effective_config(a)
	cb := effective_config(b)
	ca != cb
}

# a and b may use the same configuration, the scan cannot tell: a module call
# whose `providers` map does not say which configuration a module's resource
# uses (or a module declaring its own provider block), or an alias that is not
# a plain reference.
maybe_same_provider(a, b) if {
	not same_provider(a, b)
	not different_provider(a, b)
}

# effective_config(r): the root module's configuration r uses, "aws" (the
# default one) or "aws.replica"; undefined when the scan cannot tell. Inside a
# module, each enclosing call maps the module's name for it to the caller's:
# through its `providers` map when it has one (`providers = { aws = aws.west }`),
# else by Terraform's implicit inheritance of the default (unaliased)
# configurations. Four module levels are followed.
effective_config(r) := c if {
	module_of(r) == ""
	c := local_config(r)
}

effective_config(r) := c if {
	calls := calls_inward(module_of(r))
	count(calls) == 1
	c := through(calls[0], local_config(r))
}

effective_config(r) := c if {
	calls := calls_inward(module_of(r))
	count(calls) == 2
	c := through(calls[0], through(calls[1], local_config(r)))
}

effective_config(r) := c if {
	calls := calls_inward(module_of(r))
	count(calls) == 3
	c := through(calls[0], through(calls[1], through(calls[2], local_config(r))))
}

effective_config(r) := c if {
	calls := calls_inward(module_of(r))
	count(calls) == 4
	c := through(calls[0], through(calls[1], through(calls[2], through(calls[3], local_config(r)))))
}

# The configuration r names in its own module: "aws" or "aws.west".
local_config(r) := r.provider if object.get(config(r), "provider", null) == null

local_config(r) := concat(".", [r.provider, a]) if {
	a := provider_alias(r)
	a != ""
}

# The addresses of the module calls enclosing module m, outermost first
# ("module.a", "module.a.module.b").
calls_inward(m) := [a | some a in sort(enclosing(m) - {""})]

# The configuration cfg of the module called at addr, in the caller's terms.
through(addr, cfg) := v if {
	c := module_call[addr]
	not cfg in object.get(c, "own_providers", [])
	v := object.get(c, "providers", {})[cfg]
}

through(addr, cfg) := cfg if {
	c := module_call[addr]
	not cfg in object.get(c, "own_providers", [])
	count(object.get(c, "providers", {})) == 0
	not contains(cfg, ".")
}

module_call[addr] := c if {
	some c in object.get(input, "module_calls", [])
	addr := c.address
}

# A finding for resource r.
finding(r, msg) := {"resource": r.address, "message": msg}

# The root module's provider blocks of one provider (input.providers, whose
# `config` holds the block's evaluated arguments), for policies whose
# resource_types name `provider.<name>`.
provider_blocks(name) := [p | some p in object.get(input, "providers", []); p.name == name]

# A finding for provider block p, at the address the engine gives it:
# provider.aws, or provider.aws.replica for an aliased block.
provider_finding(p, msg) := {"resource": provider_address(p), "message": msg}

provider_address(p) := concat(".", ["provider", p.name, p.alias]) if is_string(object.get(p, "alias", null))

provider_address(p) := concat(".", ["provider", p.name]) if not is_string(object.get(p, "alias", null))

# A credential written in the code: a known, non-blank string (an unknown value
# comes from outside the code and is not a literal).
written_credential(v) if {
	is_known_string(v)
	trim_space(v) != ""
}

# ---------------------------------------------------------------------------
# References between resources
# ---------------------------------------------------------------------------

# v (an unknown string, or a list holding one) refers to resource target by
# its `ref`: "${aws_s3_bucket.logs.id}", "${aws_s3_bucket.logs[0].arn}", ...
# For an instance of a block with count/for_each, a reference to another
# instance of the same block ("${aws_s3_bucket.logs[1].id}" for logs[0]) does
# not count.
refers_to(v, target) if {
	is_unknown(v)
	names_instance(v, target.ref, target)
}

refers_to(v, target) if {
	is_array(v)
	some x in v
	is_unknown(x)
	names_instance(x, target.ref, target)
}

# Text s mentions name (a ref, or a module-qualified ref) as a whole reference
# to the instance r.
names_instance(s, name, r) if {
	contains(s, name)
	some i in indexof_n(s, name)
	mentioned_at(s, name, i)
	instance_matches(s, i + count(name), r)
}

# Text s mentions ref as a whole reference: ref is not preceded by an
# identifier character or a dot (so "data.aws_x.a" does not mention "aws_x.a")
# and not followed by an identifier character (so "aws_x.ab" does not mention
# "aws_x.a"). Plain string functions, not a regex: this runs for every pair of
# resources a join compares, and a regex would be compiled for each.
mentions(s, ref) if {
	contains(s, ref)
	some i in indexof_n(s, ref)
	mentioned_at(s, ref, i)
}

mentioned_at(s, ref, i) if {
	not contains(`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.`, char_before(s, i))
	not contains(`ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-`, char_at(s, i + count(ref)))
}

# The reference ending at position j of s designates instance r: r is not an
# instance (no `index`), the reference names no instance, names r's own key
# (`[0]`, `["key"]`), all of them (`[*]`), or a key unknown at scan time.
instance_matches(_, _, r) if object.get(r, "index", null) == null

instance_matches(s, j, r) if {
	object.get(r, "index", null) != null
	char_at(s, j) != "["
}

instance_matches(s, j, r) if {
	idx := object.get(r, "index", null)
	idx != null
	startswith(substring(s, j, -1), concat("", ["[", json.marshal(idx), "]"]))
}

instance_matches(s, j, r) if {
	object.get(r, "index", null) != null
	char_at(s, j) == "["
	not contains(`0123456789"`, char_at(s, j + 1))
}

# The character before position i of s, and the one at position i. The ends of
# s read as a space: contains(x, "") is always true, so "" cannot stand for a
# boundary.
char_before(s, i) := substring(s, i - 1, 1) if i > 0

char_before(_, 0) := " "

char_at(s, i) := substring(s, i, 1) if i < count(s)

char_at(s, i) := " " if i >= count(s)

# The key of r in input.resources_by_type: its type, "data.<type>" for data
# sources.
type_key(r) := concat(".", ["data", r.type]) if r.mode == "data"

type_key(r) := r.type if object.get(r, "mode", "managed") != "data"

# Module path m2 is m1 or nested (directly or not) inside m1.
within(m2, m1) if m2 == m1

within(m2, m1) if {
	m1 == ""
	m2 != ""
}

within(m2, m1) if {
	m1 != ""
	startswith(m2, concat("", [m1, "."]))
}

# Module m declares a resource with this type key and ref.
declares(m, key, ref) if {
	indexed
	some i in candidates(key, {ref})
	module_of(resources(key)[i]) == m
	resources(key)[i].ref == ref
}

declares(m, key, ref) if {
	not indexed
	some r in resources(key)
	module_of(r) == m
	r.ref == ref
}

# Text v, found in a resource of module m, designates resource `other`: it
# refers to other's ref, and other is declared in m or in an enclosing module.
# Module arguments are evaluated in the caller's scope, so a resource inside
# module.x can hold "${aws_s3_bucket.data.id}" meaning the caller's bucket;
# when m declares a resource with the same ref, the text means that one.
designates(v, other, m) if {
	module_of(other) == m
	refers_to(v, other)
}

designates(v, other, m) if {
	module_of(other) != m
	within(m, module_of(other))
	refers_to(v, other)
	not declares(m, type_key(other), other.ref)
}

# A module output that is a reference reaches its caller qualified by the call
# ("${module.store.aws_s3_bucket.b.id}" in the root, with the instance key for
# a module with count/for_each): it designates the resource of the nested
# module. The text may also have come into m through a module input, written
# in an enclosing module's terms (the root passing module.a's output to
# module.b), so every enclosing module is tried.
designates(v, other, m) if {
	module_of(other) != ""
	mentions_module(v)
	some a in enclosing(m)
	q := qualified_ref(other, a)
	refers_by_name(v, q, other)
}

# A cheap guard before the module-qualified match: v holds "module.".
mentions_module(v) if {
	is_string(v)
	contains(v, "module.")
}

mentions_module(v) if {
	is_array(v)
	some x in v
	is_string(x)
	contains(x, "module.")
}

# Module m and every module enclosing it, the root ("") included.
enclosing(m) := {a |
	parts := split(m, ".module.")
	some i in numbers.range(0, count(parts))
	a := enclosing_prefix(parts, i)
}

enclosing_prefix(_, 0) := ""

enclosing_prefix(parts, i) := concat(".module.", array.slice(parts, 0, i)) if i > 0

refers_by_name(v, name, target) if {
	is_unknown(v)
	names_instance(v, name, target)
}

refers_by_name(v, name, target) if {
	is_array(v)
	some x in v
	is_unknown(x)
	names_instance(x, name, target)
}

# How code in module m names resource r of a module nested below m.
qualified_ref(r, m) := concat(".", [module_of(r), r.ref]) if {
	m == ""
	module_of(r) != ""
}

qualified_ref(r, m) := concat(".", [substring(module_of(r), count(m) + 1, -1), r.ref]) if {
	m != ""
	startswith(module_of(r), concat("", [m, "."]))
}

# v, found in module m, designates some resource of type key t.
refers_to_type(v, t, m) if {
	indexed
	some i in candidates(t, value_keys(v))
	designates(v, resources(t)[i], m)
}

refers_to_type(v, t, m) if {
	not indexed
	some other in resources(t)
	designates(v, other, m)
}

# ---------------------------------------------------------------------------
# Indexes for joins
# ---------------------------------------------------------------------------

# Comparing every companion with every target made joins quadratic in the
# resources of one root module (500 buckets with two companions each: 24 s).
# The indexes are built once per document, and only when `indexed` (ungated,
# they slowed small documents that never look them up); the helpers look
# candidates up in them and apply the exact test (designates, literal_names) to those alone.
# A candidate lookup returns a superset of the positions in resources(t) that
# can match, so results do not change.
#
# rungs builds these indexes itself, once per document, into input.index
# (src/load/index.rs; in Rego they were 0.9 s of a 2.2 s scan of 5,000
# buckets). The rules below build the same values for documents without it
# (tests, OPA); evaluate::tests::the_input_index_is_what_the_library_builds
# compares the two.

# rungs gave the indexes.
has_index if is_object(input.index)

# Joins use the indexes in documents with more than 20 resources of one type
# (building them costs more than comparing the pairs of the usual root module:
# with a 64-resource gate, examples/aws-platform took 30% more CPU) whose refs are
# all ASCII identifier paths of at most three parts (`type.name`,
# `data.type.name`), which ref_keys can find in text, and whose addresses are
# unique; otherwise each helper compares every pair, as before.
indexed if has_index

indexed if {
	not has_index
	some rs in input.resources_by_type
	count(rs) > 20
	ascii_refs
	unique_addresses
}

# No two resources share an address (companion_index is keyed by it).
unique_addresses if {
	addresses := [r.address | some rs in input.resources_by_type; some r in rs]
	count(addresses) == count({a | some a in addresses})
}

ascii_refs if {
	every _, rs in input.resources_by_type {
		every r in rs {
			regex.match(`^[A-Za-z0-9_\-]+(\.[A-Za-z0-9_\-]+){0,2}$`, r.ref)
		}
	}
}

# The refs of at most three parts text s can mention (see mentions), as a
# resource's own ref or at the end of a module-qualified one
# ("module.store.aws_s3_bucket.this", "module.x[\"k\"].aws_s3_bucket.this"):
# a mention starts after a dot or at the start of a run of identifier
# characters and dots, and ends at a dot or at the end of the run, so it is
# one to three whole dot-separated parts of a run.
ref_keys(s) := {k |
	some run in regex.find_n(`[A-Za-z0-9_.\-]+`, s, -1)
	parts := split(run, ".")
	some a, _ in parts
	some n in [1, 2, 3]
	a + n <= count(parts)
	k := concat(".", array.slice(parts, a, a + n))
}

# The keys an argument value v can match a resource by: the refs its unknown
# texts can mention (see refers_to), or itself when it is a known string (a
# literal name).
value_keys(v) := ref_keys(v) if is_unknown(v)

value_keys(v) := {v} if is_known_string(v)

value_keys(v) := {k | some x in v; is_unknown(x); some k in ref_keys(x)} if is_array(v)

value_keys(v) := set() if {
	not is_string(v)
	not is_array(v)
}

# group(pairs): for a set of [k, v] pairs, an object mapping each k to the array of
# its v, sorted. Linear after the sort: the pairs of one k are adjacent once sorted,
# so each group is one slice. A rule `g[k] contains v` would say this directly, but
# regorus' VM (0.14.1) drops the key of such a rule and returns the union of all the
# values (evaluate::tests::joins_through_the_indexes_give_what_pairwise_joins_give);
# tests/conventions.rs keeps such rules out of the library and policies.
group(pairs) := {s[starts[n]][0]: [p[1] | some p in array.slice(s, starts[n], ends[n])] |
	some n, _ in starts
} if {
	s := sort(pairs)
	# The first pair, then each whose key differs from the previous one's.
	starts := array.concat([0 | count(s) > 0], [j | some j, p in s; j > 0; p[0] != s[j - 1][0]])
	ends := array.concat(array.slice(starts, 1, count(starts)), [count(s)])
}

# by_key[t][k]: positions in resources(t) of the resources whose ref or literal
# name (literal_names) is k.
by_key := input.index.by_key if has_index

by_key := {t: group({[k, i] |
	some i, r in rs
	some k in {r.ref} | literal_names(r)
}) |
	some t, rs in input.resources_by_type
} if {
	not has_index
	indexed
}

# Positions in resources(t), in order, of the resources whose ref or literal
# name is one of keys (a superset of those that match: callers test each).
candidates(t, keys) := sort({i | some k in keys; some i in by_key[t][k]})

# unknown_arg[t][attr]: positions in resources(t) of the resources whose
# argument attr is unknown; designating_arg[t][attr][key] those of them whose
# attr designates some resource of type key (see refers_to_type).
unknown_arg := input.index.unknown_arg if has_index

unknown_arg := {t: group({[attr, i] |
	some i, r in rs
	c := r.config
	is_object(c)
	some name, v in c
	attr := name
	is_unknown(v)
}) |
	some t, rs in input.resources_by_type
} if {
	not has_index
	indexed
}

designating_arg := input.index.designating_arg if has_index

designating_arg := {t: designating_by_attr(t) |
	some d in designations
	t := d[0]
} if {
	not has_index
	indexed
}

designating_by_attr(t) := {attr: designating_by_key(t, attr) |
	some d in designations
	d[0] == t
	attr := d[1]
}

designating_by_key(t, attr) := group({[d[2], d[3]] |
	some d in designations
	d[0] == t
	d[1] == attr
})

# [t, attr, key, i] for each resource i of type t whose unknown argument attr
# designates a resource of type key (built only for documents without
# input.index).
designations contains [t, attr, key, i] if {
	not has_index
	indexed
	some t, rs in input.resources_by_type
	some i, r in rs
	c := r.config
	is_object(c)
	some name, v in c
	attr := name
	is_unknown(v)
	some p in ref_keys(v)
	# key is bound by its own `some`: regorus' VM compiler does not hoist a
	# lookup whose key is still unbound. It comes from the input, not from
	# iterating by_key, which regorus' VM (0.14.1) made quadratic in the
	# resources inside this loop (docs/performance.md).
	some key, _ in input.resources_by_type
	some j in by_key[key][p]
	designates(v, resources(key)[j], module_of(r))
}

# The is_array tests are not redundant: regorus' VM (0.14.1) gives undefined, not
# the else value, when a body that is one assignment fails. (object.get would read
# the array key as a path.)
unknown_args(t, attr) := s if {
	s := unknown_arg[t][attr]
	is_array(s)
} else := []

designating_args(t, attr, key) := s if {
	s := designating_arg[t][attr][key]
	is_array(s)
} else := []

# known_arg[t]: the arguments some resource of type t sets to a known string,
# sorted.
known_arg := input.index.known_arg if has_index

known_arg := {t: sort({attr |
	some r in rs
	c := r.config
	is_object(c)
	some name, v in c
	attr := name
	is_known_string(v)
}) |
	some t, rs in input.resources_by_type
} if {
	not has_index
	indexed
}

# The literal names a target can be referred to by when a companion uses a
# plain string instead of a reference: its known `bucket` or `name`.
literal_names(target) := {n |
	c := target.config
	is_object(c)
	some key in ["bucket", "name"]
	n := c[key]
	# is_known_string(n), inlined: this runs per target and per index entry.
	is_string(n)
	not contains(n, "${")
}

# companions(target, t, attr): the resources of type t whose config[attr]
# designates target, either
#   - by reference ("${aws_s3_bucket.logs.id}"), from the same module or a
#     module nested in target's (see designates), or
#   - by literal name, from any module: config[attr] equals the target's known
#     `bucket` or `name` (S3 bucket names are global, so a literal match is
#     a match wherever it is written).
companions(target, t, attr) := [rs[i] |
	rs := resources(t)
	some i in companion_index[target.address][t][attr]
] if indexed

companions(target, t, attr) := [c |
	some c in resources(t)
	linked(c, attr, target)
] if not indexed

linked(c, attr, target) if {
	designates(object.get(config(c), attr, null), target, module_of(c))
}

linked(c, attr, target) if {
	v := object.get(config(c), attr, null)
	is_known_string(v)
	v in literal_names(target)
}

# companion_index[address][t][attr]: positions in resources(t), in order, of
# the resources linked by attr to the resource at address (only non-empty
# entries). Candidates come from by_key and the argument's value_keys, a
# superset of the links.
companion_index := input.index.companions if has_index

companion_index := {address: companions_by_type(address) |
	some l in links
	address := l[0]
} if {
	not has_index
	indexed
}

companions_by_type(address) := {t: companions_by_attr(address, t) |
	some l in links
	l[0] == address
	t := l[1]
}

companions_by_attr(address, t) := {attr: sort({l[3] |
	some l in links
	l[0] == address
	l[1] == t
	l[2] == attr
}) |
	some m in links
	m[0] == address
	m[1] == t
	attr := m[2]
}

# [target address, t, attr, i] for each resource i of type t whose argument attr
# is linked to the target (built only for documents without input.index).
links contains [target.address, t, attr, i] if {
	not has_index
	indexed
	some t, rs in input.resources_by_type
	some i, c in rs
	cfg := c.config
	is_object(cfg)
	some name, v in cfg
	attr := name
	some key, _ in input.resources_by_type
	some k in value_keys(v)
	some j in by_key[key][k]
	target := resources(key)[j]
	linked(c, attr, target)
}

# ambiguous_companion(target, t, attr) holds when some resource of type t
# might designate target but the scan cannot tell: its config[attr] is unknown
# and does not designate a resource of target's type (e.g. "${var.bucket}",
# "${each.value.id}", "${module.x.id}"), or it is
# a literal name while target's own name is unknown. Policies that require a
# companion must not report a target in that case.
ambiguous_companion(target, t, attr) if {
	indexed
	count(unknown_args(t, attr)) > count(designating_args(t, attr, type_key(target)))
}

ambiguous_companion(target, t, attr) if {
	not indexed
	some c in resources(t)
	v := object.get(config(c), attr, null)
	is_unknown(v)
	not refers_to_type(v, type_key(target), module_of(c))
}

ambiguous_companion(target, t, attr) if {
	indexed
	attr in known_arg[t]
	some key in ["bucket", "name"]
	is_unknown(object.get(config(target), key, null))
}

ambiguous_companion(target, t, attr) if {
	not indexed
	some c in resources(t)
	is_known_string(object.get(config(c), attr, null))
	some key in ["bucket", "name"]
	is_unknown(object.get(config(target), key, null))
}

# There is, or may be, a companion of type t for target.
maybe_companion(target, t, attr) if {
	count(companions(target, t, attr)) > 0
}

maybe_companion(target, t, attr) if {
	ambiguous_companion(target, t, attr)
}

# ---------------------------------------------------------------------------
# Networking
# ---------------------------------------------------------------------------

# CIDR blocks that mean "the whole internet".
open_cidrs := {"0.0.0.0/0", "::/0"}

# Remote administration ports (SSH, RDP).
admin_ports := {22, 3389}

is_open_cidr(c) if {
	is_string(c)
	trim_space(c) in open_cidrs
}

# Some CIDR of the list (or single string) xs is open to the internet.
any_open_cidr(xs) if {
	is_array(xs)
	some c in xs
	is_open_cidr(c)
}

any_open_cidr(x) if is_open_cidr(x)

# Protocol values meaning "all protocols".
all_protocols(p) if {
	is_string(p)
	lower(trim_space(p)) in {"-1", "all"}
}

all_protocols(p) if {
	is_number(p)
	p == -1
}

# Protocol values that carry ports (tcp, udp, by name or number).
port_protocol(p) if {
	is_string(p)
	lower(trim_space(p)) in {"tcp", "udp", "6", "17"}
}

port_protocol(p) if {
	is_number(p)
	p in {6, 17}
}

# The known port range [from, to] covers port p.
range_covers(from, to, p) if {
	f := to_num(from)
	t := to_num(to)
	f <= p
	p <= t
}

# A rule (protocol, from, to) lets traffic reach port p. Unknown values never
# match. With protocol "-1" every port is reachable whatever from/to say.
rule_reaches_port(protocol, from, to, p) if {
	all_protocols(protocol)
}

rule_reaches_port(protocol, from, to, p) if {
	port_protocol(protocol)
	range_covers(from, to, p)
}

# A rule lets traffic reach every port.
rule_reaches_all_ports(protocol, from, to) if {
	all_protocols(protocol)
}

rule_reaches_all_ports(protocol, from, to) if {
	port_protocol(protocol)
	range_covers(from, to, 0)
	range_covers(from, to, 65535)
}

# ---------------------------------------------------------------------------
# IAM policy documents
# ---------------------------------------------------------------------------

# policy_doc(v): the policy document held by v, when v is a JSON string that
# parses (an interpolation inside a JSON string value keeps the JSON valid;
# the unknown parts are then plain strings containing "${" that no check
# matches) or already an object. Undefined otherwise ("${data.x.json}").
policy_doc(v) := doc if {
	is_string(v)
	json.is_valid(v)
	doc := json.unmarshal(v)
	is_object(doc)
}

policy_doc(v) := v if is_object(v)

# The statements of a policy document, always as an array of objects (other
# items are dropped so that object.get never sees a non-object).
statements(doc) := [x | some x in s; is_object(x)] if {
	s := doc.Statement
	is_array(s)
} else := [s] if {
	s := doc.Statement
	is_object(s)
} else := []

# A statement field (Action, Resource, ...) as an array.
as_array(v) := v if is_array(v)

as_array(v) := [v] if {
	not is_array(v)
}

# The statement allows (Effect defaults to Allow when absent).
is_allow(st) if {
	object.get(st, "Effect", "Allow") == "Allow"
}

# v when it is a list, [] otherwise (absent, null or unknown).
list_or_empty(v) := v if is_array(v)

list_or_empty(v) := [] if not is_array(v)

# ---------------------------------------------------------------------------
# S3 public access blocks (bucket level and account level)
# ---------------------------------------------------------------------------

s3_pab_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# The settings of a public access block that are off: false, or absent (the
# provider default is false). Unknown values count as on.
s3_pab_off(pab) := {f |
	some f in s3_pab_flags
	v := attr(pab, f, false)
	not is_true(v)
	not is_unknown(v)
}

# A public access block with all four settings on (or unknown).
s3_pab_complete(pab) if {
	count(s3_pab_off(pab)) == 0
}

# ---------------------------------------------------------------------------
# Security group ingress rules, normalised across the three ways to write them
# ---------------------------------------------------------------------------

# One object per ingress rule of the document:
#   {"resource": <resource holding the rule>, "protocol", "from_port",
#    "to_port", "cidrs": [source CIDRs, IPv4 and IPv6]}
# from inline `ingress` blocks of aws_security_group, aws_security_group_rule
# with type "ingress", and aws_vpc_security_group_ingress_rule.
sg_ingress_rules contains rule if {
	some sg in resources("aws_security_group")
	some b in blocks(sg, "ingress")
	rule := {
		"resource": sg,
		"protocol": object.get(b, "protocol", null),
		"from_port": object.get(b, "from_port", null),
		"to_port": object.get(b, "to_port", null),
		"cidrs": array.concat(list_or_empty(object.get(b, "cidr_blocks", [])), list_or_empty(object.get(b, "ipv6_cidr_blocks", []))),
		"cidrs_unknown": any_unknown([object.get(b, "cidr_blocks", []), object.get(b, "ipv6_cidr_blocks", [])]),
	}
}

sg_ingress_rules contains rule if {
	some r in resources("aws_security_group_rule")
	attr(r, "type", "") == "ingress"
	rule := {
		"resource": r,
		"protocol": attr(r, "protocol", null),
		"from_port": attr(r, "from_port", null),
		"to_port": attr(r, "to_port", null),
		"cidrs": array.concat(list_or_empty(attr(r, "cidr_blocks", [])), list_or_empty(attr(r, "ipv6_cidr_blocks", []))),
		"cidrs_unknown": any_unknown([attr(r, "cidr_blocks", []), attr(r, "ipv6_cidr_blocks", [])]),
	}
}

sg_ingress_rules contains rule if {
	some r in resources("aws_vpc_security_group_ingress_rule")
	rule := {
		"resource": r,
		"protocol": attr(r, "ip_protocol", null),
		"from_port": attr(r, "from_port", null),
		"to_port": attr(r, "to_port", null),
		"cidrs": [c | some key in ["cidr_ipv4", "cidr_ipv6"]; c := attr(r, key, null); c != null],
		"cidrs_unknown": any_unknown([attr(r, "cidr_ipv4", null), attr(r, "cidr_ipv6", null)]),
	}
}

# true when some value of vs, or some item of a list in vs, is unknown; false
# otherwise (a rule field, so it must always be defined).
# The loops sit in holds_unknown: regorus' VM never reaches the `else` of a
# body whose `some` loop finds nothing.
any_unknown(vs) := true if {
	holds_unknown(vs)
} else := false

holds_unknown(vs) if {
	some v in vs
	is_unknown(v)
}

holds_unknown(vs) if {
	some v in vs
	is_array(v)
	some x in v
	is_unknown(x)
}

# The protocol or port range of a normalised rule is unknown at scan time.
rule_ports_unknown(rule) if is_unknown(rule.protocol)

rule_ports_unknown(rule) if {
	not all_protocols(rule.protocol)
	some v in [rule.from_port, rule.to_port]
	is_unknown(v)
}

# The open (internet) CIDRs of a normalised rule.
open_cidrs_of(rule) := {c | some c in rule.cidrs; is_open_cidr(c)}

# ---------------------------------------------------------------------------
# Joins in the other direction: what a reference points to
# ---------------------------------------------------------------------------

# designated(v, t, m): the resources of type key t that text v, found in a
# resource of module m, designates: by reference (see designates) or by a
# literal equal to their known `bucket` or `name`. The reverse of companions:
# a trail's s3_bucket_name gives its bucket, a listener's load_balancer_arn
# its load balancer.
designated(v, t, m) := [r |
	some i in candidates(t, value_keys(v))
	r := resources(t)[i]
	names_target(v, r, m)
] if indexed

designated(v, t, m) := [r |
	some r in resources(t)
	names_target(v, r, m)
] if not indexed

names_target(v, r, m) if designates(v, r, m)

names_target(v, r, m) if {
	is_known_string(v)
	v in literal_names(r)
}

# ---------------------------------------------------------------------------
# Resource-based policies (key, bucket, repository, queue, topic policies)
# ---------------------------------------------------------------------------

# A principal meaning "every AWS principal": "*", {"AWS": "*"} or
# {"AWS": [..., "*"]}. Unknown identifiers never match.
open_principal(p) if p == "*"

open_principal(p) if {
	is_object(p)
	some x in as_array(object.get(p, "AWS", []))
	x == "*"
}

# The statement carries a non-empty Condition (which may restrict an open
# principal to an account, organization or source).
has_condition(st) if {
	c := st.Condition
	is_object(c)
	count(c) > 0
}

# An Allow statement open to every principal without a restricting condition.
public_statement(st) if {
	is_allow(st)
	open_principal(object.get(st, "Principal", null))
	not has_condition(st)
}

# The same for a `statement` block of data "aws_iam_policy_document".
public_doc_statement(st) if {
	object.get(st, "effect", "Allow") == "Allow"
	count(sub_blocks(st, "condition")) == 0
	some pr in sub_blocks(st, "principals")
	object.get(pr, "type", "") in {"AWS", "*"}
	some id in list_or_empty(object.get(pr, "identifiers", []))
	id == "*"
}

# public_policy(v, m): the policy held by v (JSON text, an object, or a
# reference from module m to a data "aws_iam_policy_document") has a statement
# allowing every principal without a condition. Unknown or unresolvable
# policies never match.
public_policy(v, m) if {
	doc := policy_doc(v)
	some st in statements(doc)
	public_statement(st)
}

public_policy(v, m) if {
	is_unknown(v)
	some d in resources("data.aws_iam_policy_document")
	designates(v, d, m)
	some st in blocks(d, "statement")
	public_doc_statement(st)
}

# ---------------------------------------------------------------------------
# CloudWatch Logs metric filters and the alarms watching them
# ---------------------------------------------------------------------------

# The values a resource's for_each iterates over (its evaluated map or list), [] otherwise.
for_each_values(r) := [v | some v in fe] if {
	fe := r.for_each
	is_object(fe)
} else := fe if {
	fe := r.for_each
	is_array(fe)
} else := []

# The filter patterns of an aws_cloudwatch_log_metric_filter: its known
# pattern; for a pattern taken from each.value of a for_each, every known
# string of the for_each values (strings, or string attributes of objects);
# otherwise the unknown text itself (callers treat it as possibly matching).
metric_filter_patterns(f) := {p} if {
	p := attr(f, "pattern", "")
	is_known_string(p)
} else := ps if {
	p := attr(f, "pattern", "")
	is_unknown(p)
	contains(p, "each.value")
	ps := {s | some v in for_each_values(f); some s in strings_of(v)}
	count(ps) > 0
} else := {attr(f, "pattern", "")}

strings_of(v) := {v} if is_known_string(v)

strings_of(v) := {s | some s in v; is_known_string(s)} if is_object(v)

strings_of(v) := set() if {
	not is_known_string(v)
	not is_object(v)
}

# The metric names a filter publishes: known metric_transformation names, and
# the for_each keys when the name is each.key.
metric_filter_names(f) := {n |
	some mt in blocks(f, "metric_transformation")
	n := object.get(mt, "name", "")
	is_known_string(n)
} | {k |
	some mt in blocks(f, "metric_transformation")
	n := object.get(mt, "name", "")
	is_unknown(n)
	contains(n, "each.key")
	fe := f.for_each
	is_object(fe)
	some k, _ in fe
}

# The metric names an aws_cloudwatch_metric_alarm watches (metric_name, or the
# metrics of its metric_query blocks).
alarm_metric_names(a) := {n | n := attr(a, "metric_name", null); n != null} | {n |
	some q in blocks(a, "metric_query")
	some m in sub_blocks(q, "metric")
	n := object.get(m, "metric_name", null)
	n != null
}

# Alarm a has actions to notify someone (unknown counts as having them).
alarm_notifies(a) if {
	acts := attr(a, "alarm_actions", [])
	is_array(acts)
	count(acts) > 0
}

alarm_notifies(a) if is_unknown(attr(a, "alarm_actions", []))

# Alarm a watches the metric of filter f: by reference, by literal metric
# name, or through an unknown name that refers to no filter of the scan.
alarm_watches(a, f) if {
	some n in alarm_metric_names(a)
	designates(n, f, module_of(a))
}

alarm_watches(a, f) if {
	some n in alarm_metric_names(a)
	is_known_string(n)
	n in metric_filter_names(f)
}

alarm_watches(a, f) if {
	some n in alarm_metric_names(a)
	is_unknown(n)
	not refers_to_type(n, "aws_cloudwatch_log_metric_filter", module_of(a))
}

# Metric filter f has an alarm that notifies someone.
alarmed(f) if {
	some a in resources("aws_cloudwatch_metric_alarm")
	alarm_notifies(a)
	alarm_watches(a, f)
}
