# METADATA
# title: CloudFormation EKS cluster API endpoints are not open to the internet
# description: >-
#   No AWS::EKS::Cluster keeps its public API endpoint open to every address:
#   ResourcesVpcConfig.EndpointPublicAccess defaults to true and
#   PublicAccessCidrs to 0.0.0.0/0.
# custom:
#   id: RUNGS-CFN-EKS-001
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EKS::Cluster"]
#   controls: [WKL-3.2, NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Use the private endpoint, or restrict the public one:
#       ResourcesVpcConfig:
#         EndpointPrivateAccess: true
#         EndpointPublicAccess: false
package rungs.aws.cloudformation.eks_private_endpoint

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EKS::Cluster"]

public(r) := lib.tri_in(cfn.at(r, ["ResourcesVpcConfig", "EndpointPublicAccess"], true), {true, "true"})

cidrs(r) := cfn.at(r, ["ResourcesVpcConfig", "PublicAccessCidrs"], ["0.0.0.0/0"])

open(r) := "unknown" if lib.unknown_value(cidrs(r))

open(r) := "pass" if {
	not lib.unknown_value(cidrs(r))
	lib.any_open_cidr(cidrs(r))
}

open(r) := "fail" if {
	not lib.unknown_value(cidrs(r))
	not lib.any_open_cidr(cidrs(r))
}

# "pass" of all_of here means "public and open to the world": the verdict is its opposite.
exposed(r) := lib.all_of([public(r), open(r)])

state(r) := "fail" if exposed(r) == "pass"

state(r) := "unknown" if exposed(r) == "unknown"

state(r) := "pass" if exposed(r) == "fail"

deny contains lib.finding(r, "EKS cluster API endpoint is public and open to 0.0.0.0/0") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "the endpoint settings are unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
