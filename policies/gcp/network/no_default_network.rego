# METADATA
# title: Projects are created without the default network
# description: >-
#   Every google_project sets auto_create_network = false. The provider default
#   (true) keeps the auto-mode "default" network with its pre-populated
#   firewall rules, which allow SSH and RDP from anywhere and all traffic
#   between its subnets. An organization policy enforcing
#   compute.skipDefaultNetworkCreation in the same configuration counts as a
#   fix.
# custom:
#   id: RUNGS-GCP-NETWORK-004
#   severity: medium
#   kind: resource
#   resource_types: [google_project]
#   controls: [NET-2.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["3.1"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Create projects without the default network and build custom-mode VPCs:
#       resource "google_project" "app" {
#         name                = "acme-app-prod"
#         project_id          = "acme-app-prod"
#         folder_id           = google_folder.prod.name
#         billing_account     = var.billing_account
#         auto_create_network = false
#       }
package rungs.gcp.network.no_default_network

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

deny contains finding if {
	some p in lib.resources("google_project")
	# The provider default is true: the default network is created.
	lib.truthy(lib.attr(p, "auto_create_network", true))
	not gcp.constraint_may_cover("compute.skipDefaultNetworkCreation", p)
	finding := lib.finding(p, "Project keeps the default network and its permissive firewall rules (auto_create_network is not false)")
}

# An org policy enforcing the constraint on a folder or organization the scan cannot place this
# project under may cover it: not judged.
unknown contains finding if {
	some p in lib.resources("google_project")
	lib.truthy(lib.attr(p, "auto_create_network", true))
	gcp.constraint_may_cover("compute.skipDefaultNetworkCreation", p)
	not gcp.constraint_covers("compute.skipDefaultNetworkCreation", p)
	finding := lib.finding(p, "an organization policy enforcing compute.skipDefaultNetworkCreation may cover this project: the scan cannot tell")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_project"], ["auto_create_network"])
}
