# METADATA
# title: CodeBuild projects encrypt their artifacts
# description: >-
#   CodeBuild projects do not set encryption_disabled = true on their artifacts
#   or secondary_artifacts (the provider default is false: artifacts are
#   encrypted).
# custom:
#   id: RUNGS-AWS-CODEBUILD-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_codebuild_project]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_78"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Remove encryption_disabled (or set it to false):
#       resource "aws_codebuild_project" "app" {
#         # ...
#         artifacts {
#           type                = "S3"
#           location            = aws_s3_bucket.artifacts.id
#           encryption_disabled = false
#         }
#       }
package rungs.aws.codebuild.artifact_encryption

import rego.v1

import data.rungs.lib

artifact_blocks(r) := array.concat(lib.blocks(r, "artifacts"), lib.blocks(r, "secondary_artifacts"))

# The provider default for encryption_disabled is false.
deny contains finding if {
	some r in lib.resources("aws_codebuild_project")
	some a in artifact_blocks(r)
	lib.truthy(object.get(a, "encryption_disabled", false))
	finding := lib.finding(r, "CodeBuild project stores unencrypted artifacts (encryption_disabled)")
}

unencrypted(r) if {
	some a in artifact_blocks(r)
	lib.truthy(object.get(a, "encryption_disabled", false))
}

# What the scan cannot know decides nothing: the project is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("aws_codebuild_project")
	not unencrypted(r)
	some a in artifact_blocks(r)
	lib.is_unknown(object.get(a, "encryption_disabled", null))
	finding := lib.finding(r, "artifacts encryption_disabled is unknown at scan time")
}

# artifacts given as an unknown value or a dynamic block over an unknown
# collection.
unknown contains finding if {
	some r in lib.resources("aws_codebuild_project")
	not unencrypted(r)
	some name in ["artifacts", "secondary_artifacts"]
	lib.unknown_at(r, concat(".", [name, "encryption_disabled"]))
	finding := lib.finding(r, "artifacts encryption_disabled is unknown at scan time")
}
