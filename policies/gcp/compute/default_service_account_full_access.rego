# METADATA
# title: Instances do not run as the default service account with full API access
# description: >-
#   No google_compute_instance or instance template runs as the Compute Engine
#   default service account (no email, "default", or
#   <number>-compute@developer.gserviceaccount.com) with the cloud-platform
#   scope. The default account holds the Editor role on its project in many
#   organizations, so with that scope any process on the VM can change almost
#   everything in the project. An instance without a service_account block runs
#   with no service account at all and passes.
# custom:
#   id: RUNGS-GCP-COMPUTE-002
#   severity: high
#   kind: resource
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-gcp-foundations-3.0: ["4.2"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Give the workload its own service account with only the roles it needs:
#       resource "google_compute_instance" "app" {
#         # ...
#         service_account {
#           email  = google_service_account.app.email
#           scopes = ["cloud-platform"]
#         }
#       }
package rungs.gcp.compute.default_service_account_full_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

# Without an email the provider attaches the default compute service account.
default_account(sa) if gcp.get(sa, "email", null) == null

default_account(sa) if gcp.is_default_compute_sa(gcp.get(sa, "email", null))

full_access(sa) if {
	some s in lib.list_or_empty(gcp.get(sa, "scopes", []))
	gcp.full_access_scope(s)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	some sa in lib.blocks(r, "service_account")
	default_account(sa)
	full_access(sa)
	finding := lib.finding(r, "Runs as the default compute service account with the cloud-platform scope (full access to all Cloud APIs)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"], ["service_account", "scopes"])
}
