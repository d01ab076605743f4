# METADATA
# title: ECR repositories scan images on push
# description: >-
#   Every ECR repository scans images for vulnerabilities when they are pushed
#   (image_scanning_configuration scan_on_push = true), unless a registry-level
#   scanning configuration (enhanced scanning, or basic scanning rules) is
#   declared in the same root module.
# custom:
#   id: RUNGS-AWS-ECR-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_ecr_repository]
#   controls: [VUL-2.1, WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Scan on push per repository (or configure registry scanning):
#       resource "aws_ecr_repository" "app" {
#         name = "app"
#         image_scanning_configuration {
#           scan_on_push = true
#         }
#       }
package rungs.aws.ecr.scan_on_push

import rego.v1

import data.rungs.lib

ok(v) if lib.truthy(v)

ok(v) if lib.is_unknown(v)

registry_scanning if {
	some rs in lib.resources("aws_ecr_registry_scanning_configuration")
	ok_registry(rs)
}

ok_registry(rs) if lib.attr(rs, "scan_type", "BASIC") == "ENHANCED"

ok_registry(rs) if lib.is_unknown(lib.attr(rs, "scan_type", "BASIC"))

ok_registry(rs) if {
	some rule in lib.blocks(rs, "rule")
	freq := object.get(rule, "scan_frequency", "")
	freq_ok(freq)
}

freq_ok(f) if f in {"SCAN_ON_PUSH", "CONTINUOUS_SCAN"}

freq_ok(f) if lib.is_unknown(f)

scans(repo) if {
	some c in lib.blocks(repo, "image_scanning_configuration")
	ok(object.get(c, "scan_on_push", false))
}

deny contains finding if {
	not registry_scanning
	some repo in lib.resources("aws_ecr_repository")
	not scans(repo)
	finding := lib.finding(repo, "ECR repository does not scan images on push (image_scanning_configuration scan_on_push)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_ecr_repository"], ["scan_type", "rule", "image_scanning_configuration", "scan_frequency", "scan_on_push"])
}
