package rungs.azure.secrets.provider_credentials_test

import rego.v1

import data.rungs.azure.secrets.provider_credentials as policy

provider(cfg) := {"name": "azurerm", "file": "main.tf", "line": 1, "config": cfg}

doc(ps) := {"schema_version": 1, "root": ".", "files": ["main.tf"], "resources": [], "resources_by_type": {}, "module_calls": [], "providers": ps}

test_client_secret_denied_without_the_value if {
	d := doc([provider({"features": [{}], "client_id": "00000000-0000-0000-0000-000000000000", "client_secret": "s3cr3t~EXAMPLE"})])
	[f.resource | some f in policy.deny] == ["provider.azurerm"] with input as d
	messages := [f.message | some f in policy.deny] with input as d
	count([m | some m in messages; contains(m, "EXAMPLE")]) == 0
}

test_oidc_msi_and_unknown_pass if {
	d := doc([
		provider({"features": [{}], "use_oidc": true}),
		provider({"features": [{}], "client_secret": "${var.client_secret}"}),
		provider({"features": [{}], "client_certificate_password": ""}),
	])
	count(policy.deny) == 0 with input as d
}
