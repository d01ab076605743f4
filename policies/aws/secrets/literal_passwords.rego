# METADATA
# title: Database and broker passwords are not written in code
# description: >-
#   Master passwords and auth tokens of databases, caches, brokers, directories
#   and search domains are not literal values in the code, a variable default or
#   a committed tfvars file: such a value is known to everyone who reads the
#   repository. Generate them (random_password), let the service manage them
#   (manage_master_user_password), or pass them at apply time; values unknown at
#   scan time pass. Findings name the argument, never the value.
# custom:
#   id: RUNGS-AWS-SECRETS-002
#   severity: high
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster, aws_redshift_cluster, aws_redshiftserverless_namespace, aws_docdb_cluster, aws_elasticache_replication_group, aws_dms_endpoint, aws_directory_service_directory, aws_mq_broker, aws_opensearch_domain, aws_elasticsearch_domain]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Let RDS manage the password in Secrets Manager (or generate one):
#       resource "aws_db_instance" "app" {
#         # ...
#         username                    = "app"
#         manage_master_user_password = true
#       }
package rungs.aws.secrets.literal_passwords

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

# Where each type holds its password: an argument, or an argument of (nested) blocks.
password_paths := {
	"aws_db_instance": ["password"],
	"aws_rds_cluster": ["master_password"],
	"aws_redshift_cluster": ["master_password"],
	"aws_redshiftserverless_namespace": ["admin_user_password"],
	"aws_docdb_cluster": ["master_password"],
	"aws_elasticache_replication_group": ["auth_token"],
	"aws_dms_endpoint": ["password"],
	"aws_directory_service_directory": ["password"],
	"aws_mq_broker": ["user", "password"],
	"aws_opensearch_domain": ["advanced_security_options", "master_user_options", "master_user_password"],
	"aws_elasticsearch_domain": ["advanced_security_options", "master_user_options", "master_user_password"],
}

# Every block may hold one (an MQ broker has several users).
values(r, path) := {object.get(b, path[1], null) | some b in lib.blocks(r, path[0])} if count(path) == 2

values(r, path) := {checks.setting(r, path, null)} if count(path) != 2

# A password is in the code when it is a known, non-empty string: a literal, a
# variable default or a tfvars value. Unknown values are passed in at apply time,
# so they pass: this policy has no unknown rule.
deny contains finding if {
	some t, path in password_paths
	some r in lib.resources(t)
	some v in values(r, path)
	lib.is_nonempty_string(v)
	finding := lib.finding(r, sprintf("%s is a literal value in the code (value not shown)", [concat(".", path)]))
}
