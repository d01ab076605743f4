# METADATA
# title: No security group exposes database, cache or cluster ports to the internet
# description: >-
#   No security group rule allows ingress from 0.0.0.0/0 or ::/0 to the ports of
#   databases, caches, search and streaming engines or cluster control planes
#   (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, MongoDB
#   27017-27019, Redis 6379, Memcached 11211, Cassandra 7000, 7001 and 9042,
#   Elasticsearch 9200 and 9300, Kibana 5601, Kafka 9092, CouchDB 5984, InfluxDB
#   8086, Docker 2375 and 2376, etcd 2379 and 2380, Kubernetes API 6443). Such
#   services are reached through the VPC, a VPN or a bastion.
# custom:
#   id: RUNGS-AWS-VPC-007
#   severity: high
#   kind: resource
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow the port only from the application's security group:
#       resource "aws_vpc_security_group_ingress_rule" "postgres" {
#         security_group_id            = aws_security_group.db.id
#         description                  = "PostgreSQL from the application"
#         ip_protocol                  = "tcp"
#         from_port                    = 5432
#         to_port                      = 5432
#         referenced_security_group_id = aws_security_group.app.id
#       }
package rungs.aws.vpc.no_public_data_ports

import rego.v1

import data.rungs.lib

data_ports := [1433, 1521, 2375, 2376, 2379, 2380, 3306, 5432, 5601, 5984, 6379, 6443, 7000, 7001, 8086, 9042, 9092, 9200, 9300, 11211, 27017, 27018, 27019]

# The data ports a normalised rule lets traffic reach (unknown values reach none).
reached(rule) := [p | some p in data_ports; lib.rule_reaches_port(rule.protocol, rule.from_port, rule.to_port, p)]

deny contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	open := lib.open_cidrs_of(rule)
	count(open) > 0
	ports := reached(rule)
	count(ports) > 0
	finding := lib.finding(rule.resource, sprintf("Ingress from %s reaches data or cluster port(s) %v", [concat(", ", sort(open)), ports]))
}

# What the scan cannot know decides nothing: an open rule to unknown ports, or a
# rule from unknown sources to a data port, is not judged, never passed.
unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	count(lib.open_cidrs_of(rule)) > 0
	lib.rule_ports_unknown(rule)
	finding := lib.finding(rule.resource, "protocol or ports of an internet-facing rule are unknown at scan time")
}

unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	rule.cidrs_unknown
	may_reach(rule)
	finding := lib.finding(rule.resource, "sources of a rule reaching a data port are unknown at scan time")
}

may_reach(rule) if count(reached(rule)) > 0

may_reach(rule) if lib.rule_ports_unknown(rule)

unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group"], ["ingress"])
}

unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group_rule"], ["type"])
}
