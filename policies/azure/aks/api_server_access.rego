# METADATA
# title: AKS API servers are private or limited to authorized ranges
# description: >-
#   Every azurerm_kubernetes_cluster keeps its API server off the open
#   internet: it is a private cluster (private_cluster_enabled = true), or its
#   public endpoint accepts only authorized IP ranges
#   (api_server_access_profile.authorized_ip_ranges, or the azurerm v3
#   api_server_authorized_ip_ranges) none of which is 0.0.0.0/0.
# custom:
#   id: RUNGS-AZURE-AKS-003
#   severity: high
#   kind: resource
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: [WKL-3.2, NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Make the cluster private, or restrict its public endpoint:
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         private_cluster_enabled = true
#       }
#       # or
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         api_server_access_profile {
#           authorized_ip_ranges = ["203.0.113.0/24"]
#         }
#       }
package rungs.azure.aks.api_server_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# private_cluster_enabled defaults to false; true or unknown is private.
private(c) if not lib.falsy(lib.attr(c, "private_cluster_enabled", false))

# The authorized range lists written for the cluster (v4 block, v3 attribute).
range_lists(c) := array.concat(
	[v | some p in lib.blocks(c, "api_server_access_profile"); v := azure.get(p, "authorized_ip_ranges", null); v != null],
	[v | v := lib.attr(c, "api_server_authorized_ip_ranges", null); v != null],
)

# Some list is unknown, or a known list holds at least one range (unknown items
# included) and no open CIDR.
restricted(c) if {
	some l in range_lists(c)
	lib.is_unknown(l)
}

restricted(c) if {
	some l in range_lists(c)
	is_array(l)
	count(l) > 0
	not lib.any_open_cidr(l)
}

restricted(c) if lib.is_unknown(lib.attr(c, "api_server_access_profile", null))

open_to_internet(c) if {
	some l in range_lists(c)
	lib.any_open_cidr(l)
}

deny contains finding if {
	some c in lib.resources("azurerm_kubernetes_cluster")
	not private(c)
	not restricted(c)
	not open_to_internet(c)
	finding := lib.finding(c, "The API server is public and accepts every source address (no authorized_ip_ranges)")
}

deny contains finding if {
	some c in lib.resources("azurerm_kubernetes_cluster")
	not private(c)
	open_to_internet(c)
	finding := lib.finding(c, "The API server is public and its authorized ranges include 0.0.0.0/0")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_kubernetes_cluster"], ["private_cluster_enabled", "api_server_authorized_ip_ranges", "api_server_access_profile", "authorized_ip_ranges"])
}
