# METADATA
# title: PostgreSQL flexible servers are not reachable from public networks
# description: >-
#   Every azurerm_postgresql_flexible_server is integrated in a virtual network
#   (delegated_subnet_id) or has public network access disabled
#   (public_network_access_enabled = false, azurerm v4), so that the database
#   endpoint is not exposed to the internet.
# custom:
#   id: RUNGS-AZURE-POSTGRESQL-001
#   severity: high
#   kind: resource
#   resource_types: [azurerm_postgresql_flexible_server]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Deploy the server into a delegated subnet with a private DNS zone (or
#     disable public access and use a private endpoint):
#       resource "azurerm_postgresql_flexible_server" "main" {
#         # ...
#         delegated_subnet_id           = azurerm_subnet.postgres.id
#         private_dns_zone_id           = azurerm_private_dns_zone.postgres.id
#         public_network_access_enabled = false
#       }
package rungs.azure.postgresql.public_network_access

import rego.v1

import data.rungs.lib

private(s) if lib.is_set(lib.attr(s, "delegated_subnet_id", null))

# public_network_access_enabled defaults to true (azurerm v4; computed from
# delegated_subnet_id on v3); false or unknown keeps the server private.
private(s) if not lib.truthy(lib.attr(s, "public_network_access_enabled", true))

deny contains finding if {
	some s in lib.resources("azurerm_postgresql_flexible_server")
	not private(s)
	finding := lib.finding(s, "Public network access is enabled and the server is not integrated in a virtual network")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_postgresql_flexible_server"], ["public_network_access_enabled"])
}
