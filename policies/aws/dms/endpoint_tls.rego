# METADATA
# title: DMS database endpoints connect with TLS
# description: >-
#   Database Migration Service endpoints for database engines set ssl_mode to
#   require, verify-ca or verify-full. The provider default is none: the
#   replication instance reads and writes the data in clear text. Endpoints of
#   non-database targets (S3, Kinesis, DynamoDB, ...) are not judged.
# custom:
#   id: RUNGS-AWS-DMS-002
#   severity: high
#   kind: resource
#   resource_types: [aws_dms_endpoint]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS and verify the server:
#       resource "aws_dms_endpoint" "orders" {
#         # ...
#         ssl_mode        = "verify-full"
#         certificate_arn = aws_dms_certificate.rds.certificate_arn
#       }
package rungs.aws.dms.endpoint_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_dms_endpoint"]

path := ["ssl_mode"]

# The provider default for ssl_mode is none: a missing argument is a finding.
value(r) := checks.setting(r, path, "none")

good(v) if v in {"require", "verify-ca", "verify-full"}

# Database engines only.
databases := {"aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless", "db2", "db2-zos", "docdb", "mariadb", "mongodb", "mysql", "oracle", "postgres", "redshift", "redshift-serverless", "sqlserver", "sybase", "babelfish"}

applies(r) if lib.attr(r, "engine_name", "") in databases

applies(r) if lib.is_unknown(lib.attr(r, "engine_name", null))

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# An unknown engine may not be a database: a plaintext endpoint is not judged.
undecided(r) if {
	lib.is_unknown(lib.attr(r, "engine_name", null))
	v := value(r)
	not good(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "DMS endpoint connects without TLS (ssl_mode)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "ssl_mode is unknown at scan time")
}
