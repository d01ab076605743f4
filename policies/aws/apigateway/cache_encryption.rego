# METADATA
# title: API Gateway caches are encrypted
# description: >-
#   API Gateway method settings that turn response caching on also set
#   cache_data_encrypted = true. The provider default is false, so cached
#   responses (which may hold personal data) are stored unencrypted.
# custom:
#   id: RUNGS-AWS-APIGATEWAY-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_api_gateway_method_settings]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_308"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the cache:
#       resource "aws_api_gateway_method_settings" "all" {
#         # ...
#         settings {
#           caching_enabled      = true
#           cache_data_encrypted = true
#         }
#       }
package rungs.aws.apigateway.cache_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_api_gateway_method_settings"]

path := ["settings", "cache_data_encrypted"]

# The provider default for cache_data_encrypted is false: a missing argument is a finding when caching is on.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# Only settings that cache responses (or may: caching_enabled unknown).
applies(r) if {
	some s in lib.blocks(r, "settings")
	lib.truthy(object.get(s, "caching_enabled", false))
}

applies(r) if {
	some s in lib.blocks(r, "settings")
	lib.is_unknown(object.get(s, "caching_enabled", null))
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# Caching may be off: an unencrypted cache is not judged.
undecided(r) if {
	some s in lib.blocks(r, "settings")
	lib.is_unknown(object.get(s, "caching_enabled", null))
	enc := object.get(s, "cache_data_encrypted", false)
	not lib.truthy(enc)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "API Gateway cache is not encrypted (settings.cache_data_encrypted)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "settings.cache_data_encrypted is unknown at scan time")
}

# settings given as an unknown value or a dynamic block over an unknown
# collection: caching may be enabled.
unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	not applies(r)
	checks.undecided_blocks(r, path)
	finding := lib.finding(r, "settings is unknown at scan time")
}
