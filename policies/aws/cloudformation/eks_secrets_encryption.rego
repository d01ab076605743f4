# METADATA
# title: CloudFormation EKS clusters encrypt Kubernetes secrets with KMS
# description: >-
#   Every AWS::EKS::Cluster has an EncryptionConfig entry whose Resources hold
#   "secrets", with a KMS key (envelope encryption of secrets in etcd).
# custom:
#   id: RUNGS-CFN-EKS-002
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::EKS::Cluster"]
#   controls: [WKL-3.2, DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt secrets with a key of the template:
#       EncryptionConfig:
#         - Resources: [secrets]
#           Provider:
#             KeyArn: !GetAtt ClusterKey.Arn
package rungs.aws.cloudformation.eks_secrets_encryption

import rego.v1

import data.rungs.lib

types := ["AWS::EKS::Cluster"]

configs(r) := lib.attr(r, "EncryptionConfig", [])

entry(e) := "unknown" if lib.unknown_value(e)

entry(e) := "unknown" if {
	is_object(e)
	lib.unknown_value(object.get(e, "Resources", []))
}

entry(e) := "pass" if {
	is_object(e)
	"secrets" in object.get(e, "Resources", [])
}

entry(e) := "fail" if {
	is_object(e)
	rs := object.get(e, "Resources", [])
	is_array(rs)
	not lib.unknown_value(rs)
	not "secrets" in rs
}

state(r) := "unknown" if lib.is_unknown(configs(r))

state(r) := lib.any_of([entry(e) | some e in configs(r)]) if is_array(configs(r))

deny contains lib.finding(r, "EKS cluster does not encrypt Kubernetes secrets (EncryptionConfig)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "EncryptionConfig is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
