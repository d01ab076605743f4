# METADATA
# title: Interactive serial console access is disabled
# description: >-
#   No google_compute_instance, instance template or project metadata sets
#   serial-port-enable to true. The interactive serial console is reachable
#   through Google's serial port gateway from any address, so the VPC firewall
#   does not protect it. Compute Engine leaves it off by default.
# custom:
#   id: RUNGS-GCP-COMPUTE-004
#   severity: medium
#   kind: resource
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template, google_compute_project_metadata, google_compute_project_metadata_item]
#   controls: [NET-1.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#     cis-gcp-foundations-3.0: ["4.5"]
#   remediation: |
#     Remove the key (or set it to "FALSE"), and enforce
#     compute.disableSerialPortAccess as an organization policy:
#       resource "google_compute_instance" "app" {
#         # ...
#         metadata = {
#           serial-port-enable = "FALSE"
#         }
#       }
package rungs.gcp.compute.serial_port_disabled

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template", "google_compute_project_metadata"]

key := "serial-port-enable"

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	gcp.flag_on(gcp.metadata_value(r, key))
	finding := lib.finding(r, "Metadata enables the interactive serial console (serial-port-enable)")
}

deny contains finding if {
	some item in lib.resources("google_compute_project_metadata_item")
	lib.attr(item, "key", null) == key
	gcp.flag_on(lib.attr(item, "value", null))
	finding := lib.finding(item, "Project metadata enables the interactive serial console for every instance")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template", "google_compute_project_metadata", "google_compute_project_metadata_item"], ["metadata", "key", "value"])
}
