# METADATA
# title: EBS encryption by default is enabled
# description: >-
#   aws_ebs_encryption_by_default is declared and enabled, so that every new
#   EBS volume and snapshot copy of the account and region is encrypted
#   whatever the code that creates it says.
# custom:
#   id: RUNGS-AWS-EC2-004
#   severity: medium
#   kind: presence
#   resource_types: [aws_ebs_encryption_by_default]
#   controls: [WKL-4.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.1.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Enable it in every account and region you use:
#       resource "aws_ebs_encryption_by_default" "this" {
#         enabled = true
#       }
package rungs.aws.ec2.ebs_encryption_by_default

import rego.v1

import data.rungs.lib

present if {
	some e in lib.resources("aws_ebs_encryption_by_default")
	# The provider default for enabled is true.
	not lib.falsy(lib.attr(e, "enabled", true))
}
