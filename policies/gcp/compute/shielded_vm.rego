# METADATA
# title: Instances keep Shielded VM vTPM and integrity monitoring on
# description: >-
#   No google_compute_instance or instance template turns off the Shielded VM
#   virtual TPM or integrity monitoring (shielded_instance_config). Both are on
#   by default for Shielded VM images and let Compute Engine detect boot-level
#   tampering such as rootkits; secure boot is recommended as well.
# custom:
#   id: RUNGS-GCP-COMPUTE-005
#   severity: medium
#   kind: resource
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   controls: [WKL-2.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["4.8"]
#   remediation: |
#     Keep the defaults on (and turn secure boot on):
#       resource "google_compute_instance" "app" {
#         # ...
#         shielded_instance_config {
#           enable_secure_boot          = true
#           enable_vtpm                 = true
#           enable_integrity_monitoring = true
#         }
#       }
package rungs.gcp.compute.shielded_vm

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

# The features turned off; enable_vtpm and enable_integrity_monitoring
# default to true.
disabled(sc) := {feature |
	some feature in ["enable_vtpm", "enable_integrity_monitoring"]
	lib.falsy(gcp.get(sc, feature, true))
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	some sc in lib.blocks(r, "shielded_instance_config")
	off := disabled(sc)
	count(off) > 0
	finding := lib.finding(r, sprintf("Shielded VM protection turned off: %s", [concat(", ", sort(off))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"], ["shielded_instance_config"])
}
