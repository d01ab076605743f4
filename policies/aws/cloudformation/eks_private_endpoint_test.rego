package rungs.aws.cloudformation.eks_private_endpoint_test

import rego.v1

import data.rungs.aws.cloudformation.eks_private_endpoint as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::EKS::Cluster", "Private", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "EndpointPublicAccess": false, "EndpointPrivateAccess": true}}),
	res("AWS::EKS::Cluster", "Restricted", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "PublicAccessCidrs": ["203.0.113.0/24"]}}),
	res("AWS::EKS::Cluster", "Default", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}}),
	res("AWS::EKS::Cluster", "World", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "EndpointPublicAccess": true, "PublicAccessCidrs": ["0.0.0.0/0"]}}),
	res("AWS::EKS::Cluster", "Maybe", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "EndpointPublicAccess": "${Fn::If Dev}"}}),
])

passing := doc([
	res("AWS::EKS::Cluster", "Private", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "EndpointPublicAccess": false, "EndpointPrivateAccess": true}}),
	res("AWS::EKS::Cluster", "Restricted", {"RoleArn": "arn:aws:iam::1:role/eks", "ResourcesVpcConfig": {"SubnetIds": ["subnet-1"], "PublicAccessCidrs": ["203.0.113.0/24"]}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Default", "World"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
