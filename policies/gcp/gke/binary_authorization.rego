# METADATA
# title: GKE clusters enforce Binary Authorization
# description: >-
#   Every google_container_cluster evaluates the project's Binary
#   Authorization policy on deployment (binary_authorization.evaluation_mode
#   other than DISABLED, or the deprecated enabled = true), so that only images
#   from trusted registries, or attested by the build pipeline, can run. The
#   default is DISABLED.
# custom:
#   id: RUNGS-GCP-GKE-007
#   severity: medium
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [WKL-3.1]
#   frameworks:
#     csa-ccm-v4: ["AIS-06"]
#   remediation: |
#     Enforce the project singleton policy (google_binary_authorization_policy):
#       resource "google_container_cluster" "main" {
#         # ...
#         binary_authorization {
#           evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE"
#         }
#       }
package rungs.gcp.gke.binary_authorization

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

enforced(c) if {
	some b in lib.blocks(c, "binary_authorization")
	mode := gcp.get(b, "evaluation_mode", null)
	mode != null
	mode != "DISABLED"
}

enforced(c) if {
	some b in lib.blocks(c, "binary_authorization")
	gcp.get(b, "evaluation_mode", null) == null
	not lib.falsy(gcp.get(b, "enabled", false))
}

enforced(c) if lib.is_unknown(lib.attr(c, "binary_authorization", null))

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	not enforced(c)
	finding := lib.finding(c, "Binary Authorization is not enforced: any image can be deployed")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["binary_authorization", "evaluation_mode", "enabled"])
}
