# METADATA
# title: OpenSearch domains encrypt traffic between nodes
# description: >-
#   OpenSearch and Elasticsearch domains set node_to_node_encryption { enabled =
#   true }, so that data moving between the nodes of the cluster is encrypted
#   with TLS. The provider default is off.
# custom:
#   id: RUNGS-AWS-OPENSEARCH-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [DAT-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_6"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt node-to-node traffic:
#       resource "aws_opensearch_domain" "search" {
#         # ...
#         node_to_node_encryption {
#           enabled = true
#         }
#       }
package rungs.aws.opensearch.node_to_node_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_opensearch_domain", "aws_elasticsearch_domain"]

path := ["node_to_node_encryption", "enabled"]

# Node-to-node encryption is off when the block or its argument is missing.
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
	finding := lib.finding(r, "OpenSearch domain does not encrypt node-to-node traffic (node_to_node_encryption.enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "node_to_node_encryption.enabled is unknown at scan time")
}
