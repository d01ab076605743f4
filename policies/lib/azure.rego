# Helpers for Microsoft Azure (azurerm provider v3/v4) policies.
#
# Everything here follows the rules of package rungs.lib: unknown values
# ("${...}") never match a check, and helpers that may run once per pair of
# resources use string functions only (no regex, no sprintf). The NSG rules of
# a document are normalised once (nsg_rules, called from a policy rule); pair
# checks then compare numbers and lower-case strings.
#
# Only functions and constants here: the libraries are validated one by one
# in name order, and a rule calling rungs.lib would be evaluated before
# rungs.lib (terraform.rego) is loaded.
package rungs.lib.azure

import rego.v1

import data.rungs.lib

# ---------------------------------------------------------------------------
# Accessors
# ---------------------------------------------------------------------------

# obj[key], or dflt when absent or null (an argument set to null is unset, so
# the provider default applies). obj must be an object (lib.blocks items are).
get(obj, key, dflt) := v if {
	v := obj[key]
	v != null
} else := dflt

# An argument the provider renamed between major versions: the new spelling
# when present, else the old one, else dflt (https_traffic_only_enabled in v4
# was enable_https_traffic_only in v3, ...).
attr2(r, new, old, dflt) := v if {
	v := lib.config(r)[new]
	v != null
} else := v if {
	v := lib.config(r)[old]
	v != null
} else := dflt

# The nested blocks `name` of the first-level blocks `outer` of resource r:
# blob_properties { delete_retention_policy { ... } } -> the policy objects.
nested(r, outer, name) := [x |
	some b in lib.blocks(r, outer)
	some x in lib.sub_blocks(b, name)
]

# v, a known string, in lower case with the spaces around it removed;
# undefined for anything else (unknown values included).
lc(v) := lower(trim_space(v)) if lib.is_known_string(v)

# v is a known string equal to s (s given in lower case), ignoring case.
eq(v, s) if lc(v) == s

# v might equal s: it is unknown, or a known string equal to s. Absent
# (null) values are not "might": callers decide the provider default first.
maybe_eq(v, s) if lib.is_unknown(v)

maybe_eq(v, s) if eq(v, s)

# v is a known string in the set ss of lower-case strings.
one_of(v, ss) if lc(v) in ss

# ---------------------------------------------------------------------------
# Companion resources joined by an id argument
# ---------------------------------------------------------------------------

# A known ARM id (".../storageAccounts/stprod") naming target by its last
# segment: target's known `name`, ignoring case.
id_names(v, target) if {
	lib.is_known_string(v)
	n := lc(lib.config(target).name)
	endswith(lower(trim_space(v)), concat("", ["/", n]))
}

# The resources of type t whose argument attr designates target: by reference
# text (lib.companions, also a literal equal to target's name), or by a known
# ARM id ending with target's name.
companions(target, t, attr) := [c |
	some c in lib.resources(t)
	linked(c, attr, target)
]

linked(c, attr, target) if lib.linked(c, attr, target)

linked(c, attr, target) if id_names(object.get(lib.config(c), attr, null), target)

# A companion of type t might designate target but the scan cannot tell: its
# argument is unknown text that names no azurerm resource or data source
# ("${var.account_id}", "${module.data.account_id}", "${each.value}"), or it
# is a literal while target's own name is unknown. Text that names another
# azurerm resource ("${azurerm_key_vault.other.id}",
# "${data.azurerm_subscription.current.id}") designates that resource, not
# target.
ambiguous(target, t, attr) if {
	some c in lib.resources(t)
	unresolved(object.get(lib.config(c), attr, null))
}

ambiguous(target, t, attr) if {
	some c in lib.resources(t)
	lib.is_known_string(object.get(lib.config(c), attr, null))
	lib.is_unknown(object.get(lib.config(target), "name", null))
}

# Unknown text that names no azurerm resource or data source.
unresolved(v) if {
	lib.is_unknown(v)
	not contains(v, "azurerm_")
}

# v is exactly one reference ("${azurerm_public_ip.web.id}",
# "${azurerm_public_ip.web[count.index].id}"), not an expression that may
# evaluate to something else ("${var.public ? azurerm_public_ip.web.id : null}",
# "${try(azurerm_public_ip.web.id, null)}").
plain_reference(v) if {
	lib.is_unknown(v)
	startswith(v, "${")
	endswith(v, "}")
	count(indexof_n(v, "${")) == 1
	not contains(v, " ")
	not contains(v, "?")
	not contains(v, "(")
}

# There is, or may be, a companion of type t for target.
maybe_companion(target, t, attr) if count(companions(target, t, attr)) > 0

maybe_companion(target, t, attr) if ambiguous(target, t, attr)

# ---------------------------------------------------------------------------
# Scopes
# ---------------------------------------------------------------------------

# v is a subscription scope: a known "/subscriptions/<id>" (nothing after the
# id), or unknown text that mentions a subscription
# ("${data.azurerm_subscription.current.id}", "/subscriptions/${var.id}").
subscription_scope(v) if {
	s := lc(v)
	parts := split(trim(s, "/"), "/")
	count(parts) == 2
	parts[0] == "subscriptions"
}

subscription_scope(v) if {
	lib.is_unknown(v)
	contains(lower(v), "subscription")
}

# v may be a subscription scope: it is one, or it is unknown text that names
# no azurerm resource ("${var.scope}", "${module.platform.subscription}").
maybe_subscription_scope(v) if subscription_scope(v)

maybe_subscription_scope(v) if {
	lib.is_unknown(v)
	not contains(v, "azurerm_")
}

# ---------------------------------------------------------------------------
# Diagnostic settings
# ---------------------------------------------------------------------------

# The log selections of an azurerm_monitor_diagnostic_setting, as
# [{"category": c, "group": g}]: `enabled_log` blocks (provider v3.39+ and
# v4), and the legacy `log` blocks (v2/v3) whose `enabled` is not false
# (its default is true).
diag_logs(ds) := array.concat(
	[{"category": get(b, "category", null), "group": get(b, "category_group", null)} |
		some b in lib.blocks(ds, "enabled_log")
	],
	[{"category": get(b, "category", null), "group": get(b, "category_group", null)} |
		some b in lib.blocks(ds, "log")
		not lib.falsy(get(b, "enabled", true))
	],
)

# Category groups that include every audit category.
audit_groups := {"alllogs", "audit"}

# The diagnostic setting sends at least one of the categories cs (lower case),
# a group containing them, or a selection the scan cannot know.
diag_captures(ds, cs) if {
	some l in diag_logs(ds)
	one_of(l.category, cs)
}

diag_captures(ds, _) if {
	some l in diag_logs(ds)
	one_of(l.group, audit_groups)
}

diag_captures(ds, _) if {
	some l in diag_logs(ds)
	some v in [l.category, l.group]
	lib.is_unknown(v)
}

diag_captures(ds, _) if lib.is_unknown(lib.attr(ds, "enabled_log", null))

diag_captures(ds, _) if lib.is_unknown(lib.attr(ds, "log", null))

# ---------------------------------------------------------------------------
# Network security group rules
# ---------------------------------------------------------------------------

# Source prefixes meaning "any address on the internet": the wildcard, the
# Internet service tag, and the all-addresses CIDRs.
internet_prefixes := {"*", "internet", "any", "0.0.0.0", "0.0.0.0/0", "::/0"}

is_internet_prefix(p) if one_of(p, internet_prefixes)

# A destination port specification as a [from, to] range: "*", "22",
# "1000-2000", or a number. Undefined for unknown or malformed values.
port_range(s) := [0, 65535] if lc(s) == "*"

port_range(s) := [n, n] if {
	lib.is_known_string(s)
	not contains(s, "-")
	n := lib.to_num(s)
}

port_range(s) := [a, b] if {
	lib.is_known_string(s)
	parts := split(trim_space(s), "-")
	count(parts) == 2
	a := lib.to_num(parts[0])
	b := lib.to_num(parts[1])
}

port_range(n) := [n, n] if is_number(n)

# The values of a singular argument and its plural list form, with a flag
# telling whether any of them is unknown (unknown list items, or the whole
# list unknown).
values_of(obj, one, many) := {"values": vs, "unknown": u} if {
	single := [v | v := get(obj, one, null); v != null]
	plural := lib.list_or_empty(get(obj, many, []))
	vs := array.concat(single, plural)
	u := any_unknown(array.concat(vs, [get(obj, many, [])]))
}

# The loop sits in holds_unknown: regorus' VM never reaches the `else` of a
# body whose `some` loop finds nothing.
any_unknown(xs) := true if {
	holds_unknown(xs)
} else := false

holds_unknown(xs) if {
	some x in xs
	lib.is_unknown(x)
}

# The keys an NSG is known by: its address, and "name:<name>" when its name
# is known (a separate rule may name it by a literal string).
nsg_keys(nsg) := {nsg.address} | {k | k := concat("", ["name:", lc(lib.config(nsg).name)])}

# The NSG rules of the document, one normalised object each, whether written
# as an inline `security_rule` of azurerm_network_security_group or as an
# azurerm_network_security_rule:
#   {"id", "address" (the resource holding the rule), "keys" (of the NSGs the
#    rule belongs to), "ambiguous" (the rule's NSG cannot be told), "name",
#    "direction", "access", "protocol", "priority" (raw values),
#    "sources", "sources_unknown", "ports" ([from, to] ranges), "ports_unknown"}
# A function: call it once, from a rule of the policy
# (`rules := azure.nsg_rules(0)`), and pass the result to the pair checks.
nsg_rules(_) := {rule |
	some nsg in lib.resources("azurerm_network_security_group")
	some i, b in lib.blocks(nsg, "security_rule")
	rule := normalised(b, nsg.address, concat("#", [nsg.address, format_int(i, 10)]), nsg_keys(nsg), false)
} | {rule |
	some r in lib.resources("azurerm_network_security_rule")
	rule := normalised(lib.config(r), r.address, r.address, rule_nsg_keys(r), rule_nsg_ambiguous(r))
}

normalised(b, address, id, keys, ambiguous) := {
	"id": id,
	"address": address,
	"keys": keys,
	"ambiguous": ambiguous,
	"name": get(b, "name", null),
	"direction": get(b, "direction", null),
	"access": get(b, "access", null),
	"protocol": get(b, "protocol", null),
	"priority": get(b, "priority", null),
	"sources": src.values,
	"sources_unknown": src.unknown,
	"ports": [pr | some p in dst.values; pr := port_range(p)],
	"ports_unknown": dst.unknown,
} if {
	src := values_of(b, "source_address_prefix", "source_address_prefixes")
	dst := values_of(b, "destination_port_range", "destination_port_ranges")
}

# The NSGs a separate rule belongs to: those its network_security_group_name
# designates by reference, and the literal name it gives.
rule_nsg_keys(r) := {k |
	v := lib.attr(r, "network_security_group_name", null)
	some nsg in lib.resources("azurerm_network_security_group")
	lib.designates(v, nsg, lib.module_of(r))
	some k in nsg_keys(nsg)
} | {k | k := concat("", ["name:", lc(lib.attr(r, "network_security_group_name", null))])}

# A separate rule whose NSG the scan cannot tell ("${var.nsg_name}",
# "${module.net.nsg_name}", absent).
rule_nsg_ambiguous(r) := true if {
	v := lib.attr(r, "network_security_group_name", null)
	not lib.is_known_string(v)
	not lib.refers_to_type(v, "azurerm_network_security_group", lib.module_of(r))
} else := false

# The two rules may belong to the same NSG.
same_nsg(a, b) if a.ambiguous

same_nsg(a, b) if b.ambiguous

same_nsg(a, b) if count(a.keys & b.keys) > 0

# The rule's internet sources.
open_sources(rule) := {s | some s in rule.sources; is_internet_prefix(s)}

# A known inbound Allow rule from the internet.
inbound_allow_from_internet(rule) if {
	eq(rule.direction, "inbound")
	eq(rule.access, "allow")
	count(open_sources(rule)) > 0
}

# The rule's known port ranges include port p.
reaches(rule, p) if {
	some r in rule.ports
	r[0] <= p
	p <= r[1]
}

# The rule's known port ranges include every port.
reaches_all(rule) if {
	some r in rule.ports
	r[0] <= 1
	65535 <= r[1]
}

# Protocol values; "*" is every protocol.
protocol_is(rule, ps) if one_of(rule.protocol, ps)

# Rule d is evaluated before rule a (a lower priority number), or either
# priority cannot be known.
maybe_before(d, a) if {
	pd := lib.to_num(d.priority)
	pa := lib.to_num(a.priority)
	pd < pa
}

maybe_before(d, a) if not priority_known(d)

maybe_before(d, a) if not priority_known(a)

# The rule's priority is a known number. A rule of its own so that `not` negates the whole
# test: OPA hoists a nested call out of `not f(g(x))` (open-policy-agent/opa#1877), which made
# `not is_number(lib.to_num(p))` undefined, not true, for an unknown priority under OPA.
priority_known(r) if is_number(lib.to_num(r.priority))

# Rule d may deny inbound internet traffic.
maybe_denies_internet(d) if {
	maybe_eq(d.access, "deny")
	maybe_eq(d.direction, "inbound")
	maybe_from_internet(d)
}

maybe_from_internet(d) if count(open_sources(d)) > 0

maybe_from_internet(d) if d.sources_unknown

# Allow rule a's internet traffic to port p over TCP is (or may be) denied
# first by another rule of the same NSG (rules: the document's nsg_rules).
tcp_port_shadowed(a, p, rules) if {
	some d in rules
	d.id != a.id
	same_nsg(a, d)
	maybe_before(d, a)
	maybe_denies_internet(d)
	maybe_covers_protocol(d, "tcp")
	maybe_reaches(d, p)
}

maybe_covers_protocol(d, p) if protocol_is(d, {"*", p})

maybe_covers_protocol(d, _) if lib.is_unknown(d.protocol)

maybe_reaches(d, p) if reaches(d, p)

maybe_reaches(d, _) if d.ports_unknown

# Allow rule a's internet traffic to every port is (or may be) denied first,
# for every port, by another rule of the same NSG.
all_ports_shadowed(a, rules) if {
	some d in rules
	d.id != a.id
	same_nsg(a, d)
	maybe_before(d, a)
	maybe_denies_internet(d)
	maybe_covers_protocol(d, lc(a.protocol))
	maybe_reaches_all(d)
}

maybe_reaches_all(d) if reaches_all(d)

maybe_reaches_all(d) if d.ports_unknown

# ---------------------------------------------------------------------------
# Provider version: which azurerm defaults apply
# ---------------------------------------------------------------------------

# Argument defaults changed between azurerm major versions (min_tls_version:
# TLS1_0 before 3.0, TLS1_2 from 3.0). The root module's required_providers
# constraint decides which one applies to an unset argument:
# azurerm_from(n) is "pass" when every version the constraint accepts is n.0
# or newer, "fail" when every one is older than n.0, "unknown" otherwise (no
# constraint, or one that accepts both).
azurerm_from(n) := "pass" if {
	some c in azurerm_clauses
	c.lower >= n
}

azurerm_from(n) := "fail" if {
	not azurerm_lower_at_least(n)
	some c in azurerm_clauses
	c.below <= n
}

azurerm_from(n) := "unknown" if {
	not azurerm_lower_at_least(n)
	not azurerm_upper_below(n)
}

azurerm_lower_at_least(n) if {
	some c in azurerm_clauses
	c.lower >= n
}

azurerm_upper_below(n) if {
	some c in azurerm_clauses
	c.below <= n
}

# The version constraints of the root module's azurerm entries: local name
# azurerm without a source, or any name whose source is hashicorp/azurerm.
azurerm_constraints contains v if {
	some name, rp in object.get(input, "required_providers", {})
	azurerm_entry(name, rp)
	v := rp.version
	is_string(v)
}

azurerm_entry(name, rp) if {
	name == "azurerm"
	not rp.source
}

azurerm_entry(_, rp) if endswith(lower(rp.source), "hashicorp/azurerm")

# One object per clause of the constraints ("~> 3.0, < 3.90"): lower, the
# major version every accepted version has at least; below, a major version
# every accepted version is older than the .0 of (a large number when the
# clause has no upper bound).
azurerm_clauses contains {"lower": lower, "below": below} if {
	some text in azurerm_constraints
	some clause in split(text, ",")
	m := regex.find_all_string_submatch_n(`^\s*(>=|<=|~>|!=|>|<|=)?\s*v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?\s*$`, clause, 1)[0]
	lower := clause_lower(m[1], to_number(m[2]))
	below := clause_below(m[1], to_number(m[2]), m[3], m[4])
}

clause_lower(op, major) := major if op in {">=", ">", "=", "", "~>"}

clause_lower(op, _) := 0 if op in {"<", "<=", "!="}

# "< 3" and "< 3.0.0" keep versions below 3.0; "< 3.1" does not.
clause_below("<", major, minor, patch) := major if zero_rest(minor, patch)

clause_below("<", major, minor, patch) := major + 1 if {
	not zero_rest(minor, patch)
}

clause_below(op, major, _, _) := major + 1 if op in {"<=", "=", ""}

# "~> 2.5" accepts 2.x, "~> 2.5.1" accepts 2.5.x; "~> 2" any 2.0 or newer.
clause_below("~>", major, minor, _) := major + 1 if minor != ""

clause_below("~>", _, "", _) := 1000000

clause_below(op, _, _, _) := 1000000 if op in {">=", ">", "!="}

zero_rest(minor, patch) if {
	trim_left(minor, ".0") == ""
	trim_left(patch, ".0") == ""
}
