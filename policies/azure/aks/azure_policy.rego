# METADATA
# title: AKS clusters run the Azure Policy add-on
# description: >-
#   AKS clusters set azure_policy_enabled = true, so that Azure Policy
#   (Gatekeeper) can enforce the pod security baseline: no privileged
#   containers, no host namespaces, read-only root filesystems. The provider
#   default is false.
# custom:
#   id: RUNGS-AZURE-AKS-007
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Turn the add-on on and assign the Kubernetes pod security initiative:
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         azure_policy_enabled = true
#       }
package rungs.azure.aks.azure_policy

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_kubernetes_cluster"]

path := ["azure_policy_enabled"]

# The provider default for azure_policy_enabled is false: a missing argument is a finding.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "AKS cluster does not run the Azure Policy add-on (azure_policy_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "azure_policy_enabled is unknown at scan time")
}
