# METADATA
# title: RDS databases accept IAM database authentication
# description: >-
#   MySQL, MariaDB and PostgreSQL DB instances and Aurora clusters enable IAM
#   database authentication (iam_database_authentication_enabled = true), so
#   that people and workloads can connect with short-lived IAM tokens instead
#   of long-lived database passwords. The provider default is false. Engines
#   without IAM authentication (SQL Server, Oracle, Db2), Aurora cluster
#   members (the cluster carries the setting) and read replicas are not judged.
# custom:
#   id: RUNGS-AWS-RDS-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Enable IAM authentication and grant rds-db:connect to the roles that connect:
#       resource "aws_db_instance" "app" {
#         # ...
#         engine                              = "postgres"
#         iam_database_authentication_enabled = true
#       }
package rungs.aws.rds.iam_authentication

import rego.v1

import data.rungs.lib

# Engines that support IAM database authentication. A cluster without `engine`
# is Aurora MySQL (the provider default), so it is judged.
supported(r) if {
	engine := lib.attr(r, "engine", default_engine(r))
	is_string(engine)
	some prefix in ["mysql", "mariadb", "postgres", "aurora"]
	startswith(lower(engine), prefix)
}

default_engine(r) := "aurora" if r.type == "aws_rds_cluster"

default_engine(r) := "" if r.type != "aws_rds_cluster"

not_judged(r) if {
	some key in ["replicate_source_db", "replication_source_identifier"]
	lib.is_set(lib.attr(r, key, null))
}

# A DB instance that is a member of an Aurora cluster.
not_judged(r) if {
	r.type == "aws_db_instance"
	lib.is_set(lib.attr(r, "cluster_identifier", null))
}

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in lib.resources(t)
	supported(db)
	not not_judged(db)
	lib.falsy(lib.attr(db, "iam_database_authentication_enabled", false))
	finding := lib.finding(db, "IAM database authentication is not enabled (iam_database_authentication_enabled)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_db_instance", "aws_rds_cluster"], ["engine", "iam_database_authentication_enabled"])
}
