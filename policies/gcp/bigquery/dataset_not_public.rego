# METADATA
# title: BigQuery datasets are not shared with allUsers or allAuthenticatedUsers
# description: >-
#   No google_bigquery_dataset access block, google_bigquery_dataset_access,
#   or dataset IAM binding, member or policy grants access to allUsers or
#   allAuthenticatedUsers (special_group or iam_member). Such a grant publishes
#   every table of the dataset.
# custom:
#   id: RUNGS-GCP-BIGQUERY-001
#   severity: critical
#   kind: resource
#   resource_types: [google_bigquery_dataset, google_bigquery_dataset_access, google_bigquery_dataset_iam_binding, google_bigquery_dataset_iam_member, google_bigquery_dataset_iam_policy]
#   controls: [DAT-1.2]
#   frameworks:
#     cis-gcp-foundations-3.0: ["7.1"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Grant access to named groups or service accounts:
#       resource "google_bigquery_dataset_iam_member" "analysts" {
#         dataset_id = google_bigquery_dataset.sales.dataset_id
#         role       = "roles/bigquery.dataViewer"
#         member     = "group:analysts@example.com"
#       }
package rungs.gcp.bigquery.dataset_not_public

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

# An access entry (dataset access block or google_bigquery_dataset_access)
# naming a public principal.
public_entries(e) := {m |
	some key in ["special_group", "iam_member"]
	m := object.get(e, key, null)
	gcp.is_public_member(m)
}

deny contains finding if {
	some ds in lib.resources("google_bigquery_dataset")
	members := {m | some a in lib.blocks(ds, "access"); some m in public_entries(a)}
	count(members) > 0
	finding := lib.finding(ds, sprintf("Dataset access is granted to %s", [concat(", ", sort(members))]))
}

deny contains finding if {
	some r in lib.resources("google_bigquery_dataset_access")
	members := public_entries(lib.config(r))
	count(members) > 0
	finding := lib.finding(r, sprintf("Dataset access is granted to %s", [concat(", ", sort(members))]))
}

deny contains finding if {
	some t in gcp.iam_types(["google_bigquery_dataset"])
	some r in lib.resources(t)
	some g in gcp.grants(r)
	gcp.is_public_member(g.member)
	finding := lib.finding(r, sprintf("Dataset role %s is granted to %s", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_bigquery_dataset", "google_bigquery_dataset_access", "google_bigquery_dataset_iam_binding", "google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_policy"], ["access", "role", "member", "members", "policy_data", "special_group", "iam_member", "user_by_email", "group_by_email", "domain"])
}
