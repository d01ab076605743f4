# METADATA
# title: CodeBuild projects do not run builds in privileged mode
# description: >-
#   CodeBuild projects keep environment.privileged_mode off (the provider
#   default). Privileged mode gives the build container root on the build host's
#   Docker daemon; use it only for projects that must build images, and review
#   them.
# custom:
#   id: RUNGS-AWS-CODEBUILD-001
#   severity: high
#   kind: resource
#   resource_types: [aws_codebuild_project]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Turn privileged mode off (build images with a rootless builder such as kaniko or buildah):
#       resource "aws_codebuild_project" "app" {
#         # ...
#         environment {
#           # ...
#           privileged_mode = false
#         }
#       }
package rungs.aws.codebuild.no_privileged_mode

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_codebuild_project"]

path := ["environment", "privileged_mode"]

# The provider default for privileged_mode is false: a missing argument passes.
value(r) := checks.setting(r, path, false)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "CodeBuild project runs builds in privileged mode (environment.privileged_mode)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "environment.privileged_mode is unknown at scan time")
}
