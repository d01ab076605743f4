# METADATA
# title: Cloud SQL instances accept IAM database authentication
# description: >-
#   Cloud SQL for PostgreSQL and MySQL instances turn IAM database
#   authentication on (flag cloudsql.iam_authentication for PostgreSQL,
#   cloudsql_iam_authentication for MySQL), so that people and workloads sign in
#   with their Google identity instead of shared database passwords. It is off
#   by default. SQL Server instances are not judged.
# custom:
#   id: RUNGS-GCP-SQL-007
#   severity: medium
#   kind: resource
#   resource_types: [google_sql_database_instance]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Turn IAM authentication on and add IAM users (google_sql_user with type CLOUD_IAM_USER):
#       resource "google_sql_database_instance" "main" {
#         # ...
#         settings {
#           database_flags {
#             name  = "cloudsql.iam_authentication"
#             value = "on"
#           }
#         }
#       }
package rungs.gcp.sql.iam_authentication

import rego.v1

import data.rungs.lib

# The flags each engine needs "on", by database_version prefix; other engines
# are not judged.
required := {
	"POSTGRES": ["cloudsql.iam_authentication"],
	"MYSQL": ["cloudsql_iam_authentication"],
}

version(r) := lib.attr(r, "database_version", "")

needed(r) := names if {
	v := version(r)
	lib.is_known_string(v)
	some prefix, names in required
	startswith(v, prefix)
}

flags(r) := [f | some s in lib.blocks(r, "settings"); some f in lib.sub_blocks(s, "database_flags")]

# A flag is on when a block that certainly exists names it with the value "on".
flag_on(r, name) if {
	some f in flags(r)
	fe := object.get(f, "_for_each", null)
	not lib.is_unknown(fe)
	object.get(f, "name", "") == name
	v := object.get(f, "value", "")
	is_string(v)
	lower(v) == "on"
}

missing(r) := [n | some n in needed(r); not flag_on(r, n)]

# What the scan cannot know decides nothing: the instance is not judged, never passed.
undecided(r) if lib.is_unknown(version(r))

undecided(r) if lib.is_unknown(lib.attr(r, "settings", null))

undecided(r) if {
	some s in lib.blocks(r, "settings")
	lib.is_unknown(object.get(s, "database_flags", null))
}

undecided(r) if {
	some f in flags(r)
	some key in ["name", "value", "_for_each"]
	lib.is_unknown(object.get(f, key, null))
}

deny contains finding if {
	some r in lib.resources("google_sql_database_instance")
	m := missing(r)
	count(m) > 0
	not undecided(r)
	finding := lib.finding(r, sprintf("Cloud SQL instance does not accept IAM database authentication (database flags not on: %s)", [concat(", ", m)]))
}

unknown contains finding if {
	some r in lib.resources("google_sql_database_instance")
	undecided(r)
	missing_any(r)
	finding := lib.finding(r, "database_version or database flags are unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("google_sql_database_instance")
	lib.is_unknown(version(r))
	finding := lib.finding(r, "database_version is unknown at scan time")
}

missing_any(r) if count(missing(r)) > 0
