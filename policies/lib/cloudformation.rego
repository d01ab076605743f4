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
