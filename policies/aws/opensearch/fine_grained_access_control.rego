# METADATA
# title: OpenSearch domains authenticate users with fine-grained access control
# description: >-
#   OpenSearch and Elasticsearch domains set advanced_security_options { enabled
#   = true }, so that every request is authenticated (IAM, SAML or Cognito users
#   mapped to roles) and authorised per index and document. The provider default
#   is off: anyone the access policy and the network let through has full
#   access.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-007
#   severity: medium
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Turn fine-grained access control on with an IAM master user:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         advanced_security_options {
#           enabled                        = true
#           internal_user_database_enabled = false
#           master_user_options {
#             master_user_arn = aws_iam_role.search_admin.arn
#           }
#         }
#       }
package rungs.aws.opensearch.fine_grained_access_control

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["advanced_security_options", "enabled"]

# Fine-grained access control is off when the block or its argument is missing.
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
	finding := lib.finding(r, "OpenSearch domain has no fine-grained access control (advanced_security_options.enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "advanced_security_options.enabled is unknown at scan time")
}
