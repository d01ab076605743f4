package rungs.gcp.secrets.provider_credentials_test

import rego.v1

import data.rungs.gcp.secrets.provider_credentials as policy

provider(name, alias, cfg) := {"name": name, "alias": alias, "file": "main.tf", "line": 1, "config": cfg}

doc(ps) := {"schema_version": 1, "root": ".", "files": ["main.tf"], "resources": [], "resources_by_type": {}, "module_calls": [], "providers": ps}

key_json := `{"type": "service_account", "private_key_id": "x", "private_key": "-----BEGIN PRIVATE KEY-----\nEXAMPLE\n-----END PRIVATE KEY-----\n"}`

test_key_contents_and_tokens_denied_without_the_value if {
	d := doc([
		provider("google", "a", {"credentials": key_json}),
		provider("google-beta", "b", {"access_token": "ya29.EXAMPLE"}),
	])
	{f.resource | some f in policy.deny} == {"provider.google.a", "provider.google-beta.b"} with input as d
	messages := [f.message | some f in policy.deny] with input as d
	count([m | some m in messages; contains(m, "EXAMPLE")]) == 0
}

test_paths_and_unknown_pass if {
	d := doc([
		provider("google", "a", {"credentials": "keys/terraform.json"}),
		provider("google", "b", {"credentials": "${file(var.key_path)}"}),
		provider("google", "c", {"access_token": "${var.token}"}),
	])
	count(policy.deny) == 0 with input as d
}
