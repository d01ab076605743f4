# METADATA
# title: Service resources are not shared with allUsers or allAuthenticatedUsers
# description: >-
#   No IAM binding, member or policy on a Cloud KMS key or key ring, a Pub/Sub
#   topic, a Secret Manager secret, an Artifact Registry repository, a Cloud
#   Run service or a Cloud Functions (2nd gen) function grants a role to
#   allUsers (anyone) or allAuthenticatedUsers (any Google account). A service
#   that must be public (a public Cloud Run site) is an exception to record
#   with a reason, not a default. Buckets and BigQuery datasets have their own
#   policies.
# custom:
#   id: RUNGS-GCP-IAM-005
#   severity: critical
#   kind: resource
#   resource_types: [google_kms_crypto_key_iam_binding, google_kms_crypto_key_iam_member, google_kms_crypto_key_iam_policy, google_kms_key_ring_iam_binding, google_kms_key_ring_iam_member, google_kms_key_ring_iam_policy, google_pubsub_topic_iam_binding, google_pubsub_topic_iam_member, google_pubsub_topic_iam_policy, google_secret_manager_secret_iam_binding, google_secret_manager_secret_iam_member, google_secret_manager_secret_iam_policy, google_artifact_registry_repository_iam_binding, google_artifact_registry_repository_iam_member, google_artifact_registry_repository_iam_policy, google_cloud_run_v2_service_iam_binding, google_cloud_run_v2_service_iam_member, google_cloud_run_v2_service_iam_policy, google_cloudfunctions2_function_iam_binding, google_cloudfunctions2_function_iam_member, google_cloudfunctions2_function_iam_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["1.9"]
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Name the principals that need the role:
#       resource "google_pubsub_topic_iam_member" "publisher" {
#         topic  = google_pubsub_topic.events.name
#         role   = "roles/pubsub.publisher"
#         member = "serviceAccount:${google_service_account.producer.email}"
#       }
package rungs.gcp.iam.no_public_service_resources

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

scopes := [
	"google_kms_crypto_key", "google_kms_key_ring", "google_pubsub_topic", "google_secret_manager_secret",
	"google_artifact_registry_repository", "google_cloud_run_v2_service", "google_cloudfunctions2_function",
]

deny contains finding if {
	some t in gcp.iam_types(scopes)
	some r in lib.resources(t)
	some g in gcp.grants(r)
	gcp.is_public_member(g.member)
	finding := lib.finding(r, sprintf("Role %s is granted to %s", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_kms_crypto_key_iam_binding", "google_kms_crypto_key_iam_member", "google_kms_crypto_key_iam_policy", "google_kms_key_ring_iam_binding", "google_kms_key_ring_iam_member", "google_kms_key_ring_iam_policy", "google_pubsub_topic_iam_binding", "google_pubsub_topic_iam_member", "google_pubsub_topic_iam_policy", "google_secret_manager_secret_iam_binding", "google_secret_manager_secret_iam_member", "google_secret_manager_secret_iam_policy", "google_artifact_registry_repository_iam_binding", "google_artifact_registry_repository_iam_member", "google_artifact_registry_repository_iam_policy", "google_cloud_run_v2_service_iam_binding", "google_cloud_run_v2_service_iam_member", "google_cloud_run_v2_service_iam_policy", "google_cloudfunctions2_function_iam_binding", "google_cloudfunctions2_function_iam_member", "google_cloudfunctions2_function_iam_policy"])
}
