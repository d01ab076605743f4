# METADATA
# title: Redshift clusters are not publicly accessible
# description: >-
#   Redshift clusters set publicly_accessible = false. The AWS provider before
#   v6 defaults to true, so a cluster without the argument is judged public;
#   write it explicitly.
# custom:
#   id: RUNGS-AWS-REDSHIFT-002
#   severity: high
#   kind: resource
#   resource_types: [aws_redshift_cluster]
#   controls: [DAT-1.2]
#   frameworks:
#     checkov: ["CKV_AWS_87"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the cluster private and reach it through the VPC:
#       resource "aws_redshift_cluster" "dw" {
#         # ...
#         publicly_accessible = false
#       }
package rungs.aws.redshift.not_publicly_accessible

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_redshift_cluster"]

path := ["publicly_accessible"]

# The AWS provider before v6 defaults publicly_accessible to true: a missing argument is a finding.
value(r) := checks.setting(r, path, true)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Redshift cluster is publicly accessible (publicly_accessible)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "publicly_accessible is unknown at scan time")
}
