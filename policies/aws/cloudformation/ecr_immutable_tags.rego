# METADATA
# title: CloudFormation ECR repositories use immutable image tags
# description: >-
#   Every AWS::ECR::Repository sets ImageTagMutability to IMMUTABLE (or
#   IMMUTABLE_WITH_EXCLUSION), so a tag always names the image that was reviewed.
# custom:
#   id: RUNGS-CFN-ECR-002
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ECR::Repository"]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     Make tags immutable:
#       Properties:
#         ImageTagMutability: IMMUTABLE
package rungs.aws.cloudformation.ecr_immutable_tags

import rego.v1

import data.rungs.lib

types := ["AWS::ECR::Repository"]

state(r) := lib.tri_in(lib.attr(r, "ImageTagMutability", "MUTABLE"), {"IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"})

deny contains lib.finding(r, "ECR repository tags are mutable (ImageTagMutability)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "ImageTagMutability is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
