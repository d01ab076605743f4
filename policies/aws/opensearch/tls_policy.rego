# METADATA
# title: OpenSearch domains require TLS 1.2 or later
# description: >-
#   OpenSearch and Elasticsearch domains set
#   domain_endpoint_options.tls_security_policy to a Policy-Min-TLS-1-2 policy.
#   Without it the service has historically applied Policy-Min-TLS-1-0-2019-07,
#   which still accepts TLS 1.0 and 1.1.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-004
#   severity: medium
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [DAT-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_228"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Pick a TLS 1.2 policy:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         domain_endpoint_options {
#           enforce_https       = true
#           tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#         }
#       }
package rungs.aws.opensearch.tls_policy

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["domain_endpoint_options", "tls_security_policy"]

# Without the argument the service applies Policy-Min-TLS-1-0-2019-07: a missing argument is a finding.
value(r) := checks.setting(r, path, "Policy-Min-TLS-1-0-2019-07")

good(v) if {
	is_string(v)
	startswith(v, "Policy-Min-TLS-1-2")
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "OpenSearch domain accepts TLS versions older than 1.2 (domain_endpoint_options.tls_security_policy)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "domain_endpoint_options.tls_security_policy is unknown at scan time")
}
