# METADATA
# title: OpenSearch domains publish logs to CloudWatch Logs
# description: >-
#   OpenSearch and Elasticsearch domains have at least one enabled
#   log_publishing_options block (audit, error, index or search slow logs), so
#   that access and errors can be investigated. Nothing is published by default.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-006
#   severity: medium
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_84"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Publish the audit log (needs fine-grained access control) and the error log:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         log_publishing_options {
#           log_type                 = "AUDIT_LOGS"
#           cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
#         }
#       }
package rungs.aws.opensearch.log_publishing

import rego.v1

import data.rungs.lib

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

# A log_publishing_options block publishes unless enabled = false (the provider
# default is true). No block means nothing is published.
publishes(r) if {
	some b in lib.blocks(r, "log_publishing_options")
	fe := object.get(b, "_for_each", null)
	not lib.is_unknown(fe)
	lib.truthy(object.get(b, "enabled", true))
}

# What the scan cannot know decides nothing: the domain is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "log_publishing_options", null))

undecided(r) if {
	some b in lib.blocks(r, "log_publishing_options")
	some key in ["enabled", "_for_each"]
	lib.is_unknown(object.get(b, key, null))
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not publishes(r)
	not undecided(r)
	finding := lib.finding(r, "OpenSearch domain publishes no logs (log_publishing_options)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	not publishes(r)
	undecided(r)
	finding := lib.finding(r, "log_publishing_options is unknown at scan time")
}
