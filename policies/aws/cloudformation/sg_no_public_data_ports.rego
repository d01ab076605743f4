# METADATA
# title: CloudFormation security groups do not expose database, cache or cluster ports to the internet
# description: >-
#   No ingress rule of an AWS::EC2::SecurityGroup, nor an
#   AWS::EC2::SecurityGroupIngress, lets 0.0.0.0/0 or ::/0 reach a database, cache,
#   search or cluster port (1433, 1521, 2375-2380, 3306, 5432, 5601, 5984, 6379,
#   6443, 7000-7001, 8086, 9042, 9092, 9200, 9300, 11211, 27017-27019).
# custom:
#   id: RUNGS-CFN-EC2-007
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Admit the data port from the application's security group only:
#       SecurityGroupIngress:
#         - IpProtocol: tcp
#           FromPort: 5432
#           ToPort: 5432
#           SourceSecurityGroupId: !Ref AppSecurityGroup
package rungs.aws.cloudformation.sg_no_public_data_ports

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]

data_ports := [1433, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 6379, 6443, 7000, 7001, 8086, 9042, 9092, 9200, 9300, 11211, 27017, 27018, 27019]

ports_unknown(rule) if {
	is_object(rule)
	some k in ["IpProtocol", "FromPort", "ToPort"]
	lib.is_unknown(object.get(rule, k, ""))
}

all_protocols(rule) if object.get(rule, "IpProtocol", "") in {-1, "-1"}

tcp(rule) if lower(sprintf("%v", [object.get(rule, "IpProtocol", "")])) in {"tcp", "6"}

reaches_data(rule) if all_protocols(rule)

reaches_data(rule) if {
	tcp(rule)
	from := lib.to_num(object.get(rule, "FromPort", null))
	to := lib.to_num(object.get(rule, "ToPort", null))
	some p in data_ports
	from <= p
	p <= to
}

# "pass" when the rule reaches a data port.
reach(rule) := "unknown" if lib.is_unknown(rule)

reach(rule) := "unknown" if ports_unknown(rule)

reach(rule) := "pass" if {
	is_object(rule)
	not ports_unknown(rule)
	reaches_data(rule)
}

reach(rule) := "fail" if {
	is_object(rule)
	not ports_unknown(rule)
	not reaches_data(rule)
}

rule_states(r) := ["unknown"] if cfn.ingress_unknown(r)

rule_states(r) := [negate_exposed(rule) | some rule in cfn.ingress_rules(r)] if not cfn.ingress_unknown(r)

negate_exposed(rule) := cfn.negate(lib.all_of([cfn.from_internet(rule), reach(rule)]))

state(r) := lib.all_of(rule_states(r))

deny contains lib.finding(r, "Ingress from the internet reaches a database, cache or cluster port") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "an ingress rule depends on values unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
