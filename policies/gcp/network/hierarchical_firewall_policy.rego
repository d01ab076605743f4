# METADATA
# title: Hierarchical firewall policies apply network guardrails centrally
# description: >-
#   A hierarchical firewall policy (google_compute_firewall_policy, or
#   google_compute_firewall_policy_with_rules) is declared under the
#   organization or a folder and associated with it
#   (google_compute_firewall_policy_association), so that rules such as
#   "deny SSH and RDP from the internet" bind every VPC below, whatever the
#   project teams configure.
# custom:
#   id: RUNGS-GCP-NETWORK-006
#   severity: medium
#   kind: presence
#   resource_types: [google_compute_firewall_policy, google_compute_firewall_policy_with_rules, google_compute_firewall_policy_association]
#   controls: [NET-4.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Declare the policy at the organization and associate it:
#       resource "google_compute_firewall_policy" "org" {
#         parent     = "organizations/123456789012"
#         short_name = "org-baseline"
#       }
#       resource "google_compute_firewall_policy_rule" "deny_admin_from_internet" {
#         firewall_policy = google_compute_firewall_policy.org.name
#         priority        = 1000
#         direction       = "INGRESS"
#         action          = "deny"
#         match {
#           src_ip_ranges = ["0.0.0.0/0"]
#           layer4_configs {
#             ip_protocol = "tcp"
#             ports       = ["22", "3389"]
#           }
#         }
#       }
#       resource "google_compute_firewall_policy_association" "org" {
#         firewall_policy   = google_compute_firewall_policy.org.id
#         attachment_target = "organizations/123456789012"
#         name              = "org-baseline"
#       }
package rungs.gcp.network.hierarchical_firewall_policy

import rego.v1

import data.rungs.lib

policy_types := ["google_compute_firewall_policy", "google_compute_firewall_policy_with_rules"]

# The association refers to this policy.
associates(a, p) if lib.designates(lib.attr(a, "firewall_policy", null), p, lib.module_of(a))

# The association's policy cannot be told (a variable, a literal id, a module
# output): it may be this one.
associates(a, _) if {
	v := lib.attr(a, "firewall_policy", null)
	not lib.refers_to_type(v, "google_compute_firewall_policy", lib.module_of(a))
	not lib.refers_to_type(v, "google_compute_firewall_policy_with_rules", lib.module_of(a))
}

present if {
	some t in policy_types
	some p in lib.resources(t)
	some a in lib.resources("google_compute_firewall_policy_association")
	associates(a, p)
}
