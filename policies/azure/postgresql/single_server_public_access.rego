# METADATA
# title: PostgreSQL single servers are not reachable from public networks
# description: >-
#   PostgreSQL single servers set public_network_access_enabled = false and are
#   reached through a private endpoint. The provider default is true.
# custom:
#   id: RUNGS-AZURE-POSTGRESQL-005
#   severity: high
#   kind: resource
#   resource_types: [azurerm_postgresql_server]
#   controls: [DAT-1.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Disable public network access and connect through a private endpoint:
#       resource "azurerm_postgresql_server" "main" {
#         # ...
#         public_network_access_enabled = false
#       }
package rungs.azure.postgresql.single_server_public_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_postgresql_server"]

path := ["public_network_access_enabled"]

# The provider default for public_network_access_enabled is true: a missing argument is a finding.
value(r) := checks.setting(r, path, true)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "PostgreSQL server accepts connections from public networks (public_network_access_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "public_network_access_enabled is unknown at scan time")
}
