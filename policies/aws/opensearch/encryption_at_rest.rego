# METADATA
# title: OpenSearch domains are encrypted at rest
# description: >-
#   OpenSearch and Elasticsearch domains set encrypt_at_rest { enabled = true }.
#   Without the block the provider leaves encryption at rest off, and it can
#   only be turned on for new domains of some versions.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-001
#   severity: high
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_5"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the domain's storage:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         encrypt_at_rest {
#           enabled    = true
#           kms_key_id = aws_kms_key.search.arn
#         }
#       }
package rungs.aws.opensearch.encryption_at_rest

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["encrypt_at_rest", "enabled"]

# Encryption at rest is off when the block or its argument is missing.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "OpenSearch domain is not encrypted at rest (encrypt_at_rest.enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encrypt_at_rest.enabled is unknown at scan time")
}
