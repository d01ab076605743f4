# METADATA
# title: Microsoft Defender for Containers is enabled
# description: >-
#   The Defender for Containers plan is switched on
#   (azurerm_security_center_subscription_pricing with resource_type
#   Containers, or the retired ContainerRegistry and KubernetesService plans,
#   at tier Standard), so that container images are scanned for
#   vulnerabilities and clusters are watched for runtime threats.
# custom:
#   id: RUNGS-AZURE-DEFENDER-003
#   severity: medium
#   kind: presence
#   resource_types: [azurerm_security_center_subscription_pricing]
#   controls: [VUL-2.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["3.1.4.1"]
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Enable the plan for each subscription that runs containers:
#       resource "azurerm_security_center_subscription_pricing" "containers" {
#         tier          = "Standard"
#         resource_type = "Containers"
#       }
package rungs.azure.defender.containers_plan

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

container_plans := {"containers", "containerregistry", "kubernetesservice"}

container_plan(t) if azure.one_of(t, container_plans)

container_plan(t) if lib.is_unknown(t)

present if {
	some p in lib.resources("azurerm_security_center_subscription_pricing")
	azure.maybe_eq(lib.attr(p, "tier", null), "standard")
	# resource_type defaults to VirtualMachines.
	container_plan(lib.attr(p, "resource_type", "VirtualMachines"))
}
