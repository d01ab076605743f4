# METADATA
# title: No user-managed service account keys are created in code
# description: >-
#   No google_service_account_key is declared. A user-managed key is a
#   long-lived credential that works from anywhere until someone deletes it, and
#   Terraform also writes its private part to the state. Workloads on Google
#   Cloud use the attached service account; workloads elsewhere use Workload
#   Identity Federation. A key block whose count or for_each is unknown may
#   create nothing and is not judged.
# custom:
#   id: RUNGS-GCP-IAM-003
#   severity: high
#   kind: resource
#   resource_types: [google_service_account_key]
#   controls: [IAM-3.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["1.4"]
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Remove the key. Outside Google Cloud, federate instead:
#       resource "google_iam_workload_identity_pool" "ci" {
#         workload_identity_pool_id = "ci"
#       }
#       resource "google_service_account_iam_member" "ci" {
#         service_account_id = google_service_account.deployer.name
#         role               = "roles/iam.workloadIdentityUser"
#         member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/acme/infra"
#       }
package rungs.gcp.iam.no_service_account_keys

import rego.v1

import data.rungs.lib

# count/for_each unknown: the block may create no key at all.
maybe_none(r) if lib.is_unknown(object.get(r, "count", null))

maybe_none(r) if lib.is_unknown(object.get(r, "for_each", null))

deny contains finding if {
	some key in lib.resources("google_service_account_key")
	not maybe_none(key)
	finding := lib.finding(key, "User-managed service account key created in code; use the attached service account or Workload Identity Federation")
}
