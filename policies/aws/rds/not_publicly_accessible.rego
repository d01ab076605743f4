# METADATA
# title: RDS databases are not publicly accessible
# description: >-
#   No RDS DB instance or Aurora cluster instance sets
#   publicly_accessible = true, which would give it an internet-resolvable
#   address. The provider default (false) passes.
# custom:
#   id: RUNGS-AWS-RDS-002
#   severity: critical
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.2.3"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the database private and reach it through the VPC:
#       resource "aws_db_instance" "app" {
#         # ...
#         publicly_accessible  = false
#         db_subnet_group_name = aws_db_subnet_group.private.name
#       }
package rungs.aws.rds.not_publicly_accessible

import rego.v1

import data.rungs.lib

types := ["aws_db_instance", "aws_rds_cluster_instance"]

deny contains finding if {
	some t in types
	some db in lib.resources(t)
	lib.truthy(lib.attr(db, "publicly_accessible", false))
	finding := lib.finding(db, "Database is publicly accessible (publicly_accessible = true)")
}

# Resources whose publicly_accessible is unknown at scan time are reported as not judged, never as passed.
unknown := lib.unknown_argument(["aws_db_instance", "aws_rds_cluster_instance"], "publicly_accessible")
