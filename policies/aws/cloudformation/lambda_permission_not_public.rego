# METADATA
# title: CloudFormation Lambda permissions do not let every principal invoke a function
# description: >-
#   No AWS::Lambda::Permission grants Principal "*" without SourceArn,
#   SourceAccount or PrincipalOrgID to narrow it.
# custom:
#   id: RUNGS-CFN-LAMBDA-001
#   severity: high
#   kind: resource
#   resource_types: ["AWS::Lambda::Permission"]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Name the caller:
#       Properties:
#         Principal: s3.amazonaws.com
#         SourceArn: !GetAtt Uploads.Arn
#         SourceAccount: !Ref AWS::AccountId
package rungs.aws.cloudformation.lambda_permission_not_public

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::Lambda::Permission"]

principal(r) := lib.attr(r, "Principal", "")

# "pass" when some principal narrows the grant or the principal is not everyone.
state(r) := lib.any_of([
	cfn.tri_set(lib.attr(r, "SourceArn", null)),
	cfn.tri_set(lib.attr(r, "SourceAccount", null)),
	cfn.tri_set(lib.attr(r, "PrincipalOrgID", null)),
	not_everyone(principal(r)),
])

not_everyone(p) := "unknown" if lib.is_unknown(p)

not_everyone(p) := "fail" if p == "*"

not_everyone(p) := "pass" if {
	not lib.is_unknown(p)
	p != "*"
}

deny contains lib.finding(r, "Lambda permission lets every principal (\"*\") invoke the function (no SourceArn, SourceAccount or PrincipalOrgID)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Principal is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
