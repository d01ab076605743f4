# METADATA
# title: Instances use OS Login
# description: >-
#   SSH access to every google_compute_instance and instance template goes
#   through OS Login (metadata enable-oslogin = "TRUE"), so that it is granted
#   by IAM roles to Google identities instead of by long-lived SSH keys pasted
#   into metadata. The instance may inherit the setting from project metadata
#   (google_compute_project_metadata or _item) or from the compute.requireOsLogin
#   organization policy in the same configuration; without any of them OS Login
#   is off (the Compute Engine default). An instance setting it to FALSE
#   overrides the project and is reported.
# custom:
#   id: RUNGS-GCP-COMPUTE-003
#   severity: medium
#   kind: resource
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   controls: [IAM-3.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["4.4"]
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Enable OS Login for the whole project (and do not override it per instance):
#       resource "google_compute_project_metadata_item" "oslogin" {
#         key   = "enable-oslogin"
#         value = "TRUE"
#       }
package rungs.gcp.compute.os_login

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

key := "enable-oslogin"

# Project-wide metadata resources and the value of enable-oslogin each sets
# (the metadata value, or an item's; unknown text when the scan cannot tell).
project_settings contains [pm, v] if {
	some pm in lib.resources("google_compute_project_metadata")
	v := gcp.metadata_value(pm, key)
}

project_settings contains [item, v] if {
	some item in lib.resources("google_compute_project_metadata_item")
	gcp.item_key_matches(lib.attr(item, "key", null), key)
	v := lib.attr(item, "value", null)
}

# The instance's project, or an organization policy, turns OS Login on.
project_level(r) if {
	some [pm, v] in project_settings
	gcp.same_project(pm, r)
	gcp.flag_on(v)
}

project_level(r) if gcp.constraint_covers("compute.requireOsLogin", r)

# Project metadata may turn it on: its value is unknown, or the scan cannot
# tell whether it is the instance's project.
project_maybe(r) if gcp.constraint_may_cover("compute.requireOsLogin", r)

project_maybe(r) if {
	some [pm, v] in project_settings
	gcp.same_project(pm, r)
	lib.is_unknown(v)
}

project_maybe(r) if gcp.constraint_may_cover("compute.requireOsLogin", r)

project_maybe(r) if {
	some [pm, v] in project_settings
	gcp.maybe_same_project(pm, r)
	not gcp.flag_off(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	v := gcp.metadata_value(r, key)
	gcp.flag_off(v)
	finding := lib.finding(r, "Instance metadata turns OS Login off (enable-oslogin = FALSE)")
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not gcp.metadata_value(r, key)
	not project_level(r)
	not project_maybe(r)
	finding := lib.finding(r, "OS Login is not enabled on the instance or its project: SSH keys in metadata grant access")
}

# What the scan cannot know decides nothing: an instance whose own setting is
# unknown, or that has none while the project's may turn OS Login on, is not
# judged, never passed.
unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	v := gcp.metadata_value(r, key)
	lib.is_unknown(v)
	finding := lib.finding(r, "enable-oslogin (metadata) is unknown at scan time")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	not gcp.metadata_value(r, key)
	not project_level(r)
	project_maybe(r)
	finding := lib.finding(r, "the project's enable-oslogin (metadata) is unknown at scan time")
}
