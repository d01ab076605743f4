# METADATA
# title: External IP addresses for VMs are restricted by organization policy
# description: >-
#   The compute.vmExternalIpAccess list constraint is set at the
#   organization or a folder (deny all, or an allow list of named instances), so
#   that no project below can give its VMs external IP addresses outside the
#   reviewed exceptions.
# custom:
#   id: RUNGS-GCP-ORGPOLICY-003
#   severity: medium
#   kind: presence
#   resource_types: [google_org_policy_policy, google_organization_policy, google_folder_organization_policy]
#   controls: [NET-4.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Deny external IPs everywhere below the organization:
#       resource "google_org_policy_policy" "vm_external_ip" {
#         name   = "organizations/123456789012/policies/compute.vmExternalIpAccess"
#         parent = "organizations/123456789012"
#         spec {
#           rules {
#             deny_all = "TRUE"
#           }
#         }
#       }
package rungs.gcp.orgpolicy.vm_external_ip_access

import rego.v1

import data.rungs.lib.gcp

present if gcp.constraint_enforced_centrally("compute.vmExternalIpAccess")
