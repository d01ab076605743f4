package rungs.aws.organizations.scp_attached_test

import rego.v1

import data.rungs.aws.organizations.scp_attached as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

scp := res("aws_organizations_policy", "guard", {"name": "guard", "type": "SERVICE_CONTROL_POLICY", "content": "{}"})

tag_policy := res("aws_organizations_policy", "tags", {"name": "tags", "type": "TAG_POLICY", "content": "{}"})

attach(name, policy_id) := res("aws_organizations_policy_attachment", name, {"policy_id": policy_id, "target_id": "r-abcd"})

test_attached_scp_present if {
	policy.present with input as doc([scp, attach("root", "${aws_organizations_policy.guard.id}")])
}

test_unattached_scp_not_present if {
	not policy.present with input as doc([scp])
}

test_attached_tag_policy_not_present if {
	not policy.present with input as doc([tag_policy, attach("root", "${aws_organizations_policy.tags.id}")])
}

test_scp_plus_other_attachment_not_present if {
	not policy.present with input as doc([scp, tag_policy, attach("root", "${aws_organizations_policy.tags.id}")])
}

test_default_type_is_scp if {
	p := res("aws_organizations_policy", "guard", {"name": "guard", "content": "{}"})
	policy.present with input as doc([p, attach("root", "${aws_organizations_policy.guard.id}")])
}

test_unknown_policy_id_counts_as_present if {
	policy.present with input as doc([scp, attach("root", "${var.policy_id}")])
}
