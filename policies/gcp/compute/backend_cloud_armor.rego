# METADATA
# title: External backend services are protected by Cloud Armor
# description: >-
#   Backend services of external HTTP(S) load balancers (load_balancing_scheme
#   EXTERNAL, the provider default, or EXTERNAL_MANAGED) attach a Cloud Armor
#   security policy, so that requests are filtered (OWASP rules, rate limits, IP
#   allow and deny lists) before they reach the backends. Internal backend
#   services are not judged.
# custom:
#   id: RUNGS-GCP-COMPUTE-007
#   severity: medium
#   kind: resource
#   resource_types: [google_compute_backend_service]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Attach a Cloud Armor policy:
#       resource "google_compute_backend_service" "web" {
#         # ...
#         security_policy = google_compute_security_policy.web.id
#       }
package rungs.gcp.compute.backend_cloud_armor

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["google_compute_backend_service"]

path := ["security_policy"]

# No security policy is attached by default: a finding for external backends.
value(r) := checks.setting(r, path, null)

good(v) if lib.is_nonempty_string(v)

good(v) if checks.resource_reference(v)

# External load balancing only; the provider default scheme is EXTERNAL.
applies(r) if lib.attr(r, "load_balancing_scheme", "EXTERNAL") in {"EXTERNAL", "EXTERNAL_MANAGED"}

applies(r) if lib.is_unknown(lib.attr(r, "load_balancing_scheme", null))

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A variable or a module output may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.resource_reference(v)
}

# An unknown scheme may be internal: an unprotected backend is not judged.
undecided(r) if {
	lib.is_unknown(lib.attr(r, "load_balancing_scheme", null))
	v := value(r)
	not good(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "External backend service has no Cloud Armor security policy (security_policy)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "security_policy is unknown at scan time")
}
