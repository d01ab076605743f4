# METADATA
# title: OpenSearch domains accept HTTPS only
# description: >-
#   OpenSearch and Elasticsearch domains declare domain_endpoint_options and
#   keep enforce_https on. Without the block the service accepts plain HTTP;
#   inside the block the provider default for enforce_https is true.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-003
#   severity: high
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [DAT-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_83"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require HTTPS with a TLS 1.2 policy:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         domain_endpoint_options {
#           enforce_https       = true
#           tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
#         }
#       }
package rungs.aws.opensearch.enforce_https

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["domain_endpoint_options", "enforce_https"]

# Without domain_endpoint_options HTTPS is not enforced; inside the block the provider default for enforce_https is true.
value(r) := checks.block_setting(r, path, false, true)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "OpenSearch domain accepts plain HTTP (domain_endpoint_options.enforce_https)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "domain_endpoint_options.enforce_https is unknown at scan time")
}
