# METADATA
# title: CloudFormation ECR repositories scan images on push
# description: >-
#   Every AWS::ECR::Repository sets ImageScanningConfiguration.ScanOnPush to
#   true.
# custom:
#   id: RUNGS-CFN-ECR-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ECR::Repository"]
#   controls: [VUL-2.1, WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Scan every pushed image:
#       ImageScanningConfiguration:
#         ScanOnPush: true
package rungs.aws.cloudformation.ecr_scan_on_push

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::ECR::Repository"]

state(r) := lib.tri_true(cfn.at(r, ["ImageScanningConfiguration", "ScanOnPush"], false))

deny contains lib.finding(r, "ECR repository does not scan images on push (ImageScanningConfiguration.ScanOnPush)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "ImageScanningConfiguration is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
