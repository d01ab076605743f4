# Tri-state helpers for policies that judge one setting of a resource: the
# setting is read along a path of nested blocks ending in an argument, with the
# provider default when it is absent, and a resource whose setting the scan
# cannot know is "undecided" (the policy reports it as not judged, never as a
# pass or a failure).
#
# A path is ["argument"], ["block", "argument"] or ["block", "block", "argument"].
# Provider schemas allow at most one block of each name on these paths; the
# first block is the one read.
package rungs.lib.checks

import rego.v1

import data.rungs.lib

# The value at path, or dflt when the argument or one of its blocks is absent
# (or null: Terraform treats null as unset, so the provider default applies).
setting(r, path, dflt) := lib.attr(r, path[0], dflt) if count(path) == 1

setting(r, path, dflt) := v if {
	count(path) == 2
	bs := lib.blocks(r, path[0])
	v := first_value(bs, path[1], dflt)
}

setting(r, path, dflt) := v if {
	count(path) == 3
	bs := [x | some b in lib.blocks(r, path[0]); some x in lib.sub_blocks(b, path[1])]
	v := first_value(bs, path[2], dflt)
}

first_value(bs, _, dflt) := dflt if count(bs) == 0

first_value(bs, key, dflt) := v if {
	count(bs) > 0
	v := object.get(bs[0], key, null)
	v != null
} else := dflt

# The scan cannot know the value at path: the argument or a block on the way is
# an unknown expression, or a block comes from a `dynamic` block whose for_each
# is unknown (it may stand for no block at all).
undecided(r, path) if lib.is_unknown(setting(r, path, null))

undecided(r, path) if undecided_blocks(r, path)

# The scan cannot know whether the blocks on the way to the value exist.
undecided_blocks(r, path) if {
	count(path) > 1
	lib.is_unknown(lib.attr(r, path[0], null))
}

undecided_blocks(r, path) if {
	count(path) > 1
	some b in lib.blocks(r, path[0])
	lib.is_unknown(object.get(b, "_for_each", null))
}

undecided_blocks(r, path) if {
	count(path) == 3
	some b in lib.blocks(r, path[0])
	lib.is_unknown(object.get(b, path[1], null))
}

undecided_blocks(r, path) if {
	count(path) == 3
	some b in lib.blocks(r, path[0])
	some x in lib.sub_blocks(b, path[1])
	lib.is_unknown(object.get(x, "_for_each", null))
}

# A list holding an unknown element: ["audit", "${var.extra}"].
has_unknown_item(v) if {
	is_array(v)
	some x in v
	lib.is_unknown(x)
}

# A value that names a customer-managed KMS key: a known ARN, key id or alias
# other than an AWS managed alias ("alias/aws/..."), or a reference to a key
# resource declared in code.
kms_key_ref(v) if {
	lib.is_nonempty_string(v)
	not contains(v, "alias/aws/")
}

kms_key_ref(v) if {
	lib.is_unknown(v)
	regex.match(`^\$\{(data\.)?aws_kms_(key|replica_key|external_key|replica_external_key|alias)\.`, v)
	closes_once(v)
}

# Text whose only "}" is its last character: what `[^}]*\}$` would say after a
# prefix without one. The patterns here avoid negated classes, which match any
# character but a few and so compile to a large UTF-8 automaton (a tenth of a
# millisecond and a hundred page faults per pattern, docs/performance.md).
closes_once(v) if {
	endswith(v, "}")
	not contains(trim_suffix(v, "}"), "}")
}

# A known string holding an AWS access key id (AKIA for long-lived keys, ASIA
# for temporary ones): a run of exactly 20 upper-case letters and digits, the
# pattern `(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)`. A run is
# maximal: the longest match of a greedy pattern, leftmost first.
has_access_key_id(v) if {
	is_string(v)
	some run in regex.find_n(`[A-Z0-9]{20,}`, v, -1)
	count(run) == 20
	substring(run, 0, 4) in {"AKIA", "ASIA"}
}

# For a path ["block", "argument"] whose provider defaults differ: `absent` when
# the block is missing, `dflt` when the block is there without the argument (or
# with null).
block_setting(r, path, absent, _) := absent if {
	count(path) == 2
	count(lib.blocks(r, path[0])) == 0
}

block_setting(r, path, _, dflt) := v if {
	count(path) == 2
	bs := lib.blocks(r, path[0])
	count(bs) > 0
	v := first_value(bs, path[1], dflt)
}

# Unknown text that designates a resource or data source declared in code
# ("${random_password.db.result}", "${aws_kms_key.k.arn}"), not a variable, a
# local, a module output or an iterator, which may stand for null.
resource_reference(v) if {
	lib.is_unknown(v)
	regex.match(`^\$\{(data\.)?[a-z0-9]+_[a-z0-9_]+\.`, v)
	closes_once(v)
}
