# METADATA
# title: ECR repositories use immutable image tags
# description: >-
#   Every ECR repository makes image tags immutable, so that a tag that was
#   scanned and deployed cannot later be pointed at a different image.
# custom:
#   id: RUNGS-AWS-ECR-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_ecr_repository]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     Make tags immutable:
#       resource "aws_ecr_repository" "app" {
#         name                 = "app"
#         image_tag_mutability = "IMMUTABLE"
#       }
package rungs.aws.ecr.immutable_tags

import rego.v1

import data.rungs.lib

deny contains finding if {
	some repo in lib.resources("aws_ecr_repository")
	# The provider default is MUTABLE; MUTABLE_WITH_EXCLUSION keeps most tags mutable.
	v := lib.attr(repo, "image_tag_mutability", "MUTABLE")
	lib.is_known_string(v)
	startswith(v, "MUTABLE")
	finding := lib.finding(repo, sprintf("ECR repository image tags are mutable (image_tag_mutability = %s)", [v]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_ecr_repository"], ["image_tag_mutability"])
}
