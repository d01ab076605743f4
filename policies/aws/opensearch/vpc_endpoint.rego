# METADATA
# title: OpenSearch domains are reachable only inside a VPC
# description: >-
#   OpenSearch and Elasticsearch domains are placed in VPC subnets (vpc_options
#   subnet_ids). A domain without vpc_options gets a public endpoint whose only
#   protection is its access policy.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-005
#   severity: high
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [NET-3.2]
#   frameworks:
#     checkov: ["CKV_AWS_137"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Place the domain in private subnets (only possible when it is created):
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         vpc_options {
#           subnet_ids         = [aws_subnet.private_a.id]
#           security_group_ids = [aws_security_group.search.id]
#         }
#       }
package rungs.aws.opensearch.vpc_endpoint

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["vpc_options", "subnet_ids"]

# Without vpc_options (or subnets) the domain gets a public endpoint: a finding.
value(r) := checks.setting(r, path, [])

good(v) if {
	is_array(v)
	count(v) > 0
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "OpenSearch domain has a public endpoint (no vpc_options subnet_ids)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "vpc_options.subnet_ids is unknown at scan time")
}
