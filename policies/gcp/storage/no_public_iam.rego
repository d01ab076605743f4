# METADATA
# title: Cloud Storage buckets are not shared with allUsers or allAuthenticatedUsers
# description: >-
#   No bucket IAM binding, member or policy, and no bucket ACL, grants a role to
#   allUsers (anyone on the internet) or allAuthenticatedUsers (any Google
#   account). Content meant for the public belongs behind a CDN or a load
#   balancer with an explicit decision, not on a data bucket.
# custom:
#   id: RUNGS-GCP-STORAGE-006
#   severity: critical
#   kind: resource
#   resource_types: [google_storage_bucket_iam_binding, google_storage_bucket_iam_member, google_storage_bucket_iam_policy, google_storage_bucket_access_control, google_storage_bucket_acl, google_storage_default_object_access_control]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["5.1"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Grant the role to the identities that need it instead:
#       resource "google_storage_bucket_iam_member" "reader" {
#         bucket = google_storage_bucket.data.name
#         role   = "roles/storage.objectViewer"
#         member = "serviceAccount:${google_service_account.app.email}"
#       }
package rungs.gcp.storage.no_public_iam

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

iam_types := gcp.iam_types(["google_storage_bucket"])

deny contains finding if {
	some t in iam_types
	some r in lib.resources(t)
	some g in gcp.grants(r)
	gcp.is_public_member(g.member)
	finding := lib.finding(r, sprintf("Bucket role %s is granted to %s", [g.role, g.member]))
}

# ACL resources: entity "allUsers" / "allAuthenticatedUsers".
deny contains finding if {
	some t in ["google_storage_bucket_access_control", "google_storage_default_object_access_control"]
	some r in lib.resources(t)
	entity := lib.attr(r, "entity", null)
	gcp.is_public_member(entity)
	finding := lib.finding(r, sprintf("Bucket ACL grants access to %s", [entity]))
}

# google_storage_bucket_acl: role_entity = ["READER:allUsers", ...].
deny contains finding if {
	some r in lib.resources("google_storage_bucket_acl")
	some re in lib.list_or_empty(lib.attr(r, "role_entity", []))
	is_string(re)
	parts := split(re, ":")
	count(parts) == 2
	gcp.is_public_member(parts[1])
	finding := lib.finding(r, sprintf("Bucket ACL grants %s", [re]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_storage_bucket_iam_binding", "google_storage_bucket_iam_member", "google_storage_bucket_iam_policy", "google_storage_bucket_access_control", "google_storage_bucket_acl", "google_storage_default_object_access_control"])
}

unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket_access_control", "google_storage_bucket_acl", "google_storage_default_object_access_control"], ["entity", "role_entity"])
}
