# METADATA
# title: Cloud Storage buckets enforce public access prevention
# description: >-
#   Every google_storage_bucket sets public_access_prevention = "enforced", so
#   that no IAM binding or ACL can ever expose its objects to allUsers or
#   allAuthenticatedUsers. The provider default, "inherited", leaves the
#   decision to an organization policy; one enforcing
#   storage.publicAccessPrevention in the same configuration counts as a fix.
# custom:
#   id: RUNGS-GCP-STORAGE-002
#   severity: high
#   kind: resource
#   resource_types: [google_storage_bucket]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["5.1"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Enforce public access prevention on the bucket (or the
#     storage.publicAccessPrevention organization policy):
#       resource "google_storage_bucket" "data" {
#         name                     = "acme-prod-data"
#         location                 = "EU"
#         public_access_prevention = "enforced"
#       }
package rungs.gcp.storage.public_access_prevention

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

# The provider default is "inherited": public access is possible unless an
# organization policy prevents it.
not_enforced(bucket) := v if {
	v := lib.attr(bucket, "public_access_prevention", "inherited")
	lib.is_known_string(v)
	v != "enforced"
}

deny contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	v := not_enforced(bucket)
	not gcp.constraint_may_cover("storage.publicAccessPrevention", bucket)
	finding := lib.finding(bucket, sprintf("Public access prevention is %q, not \"enforced\"", [v]))
}

# An org policy enforcing the constraint on a project or folder the scan cannot place this
# bucket in may cover it: not judged.
unknown contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	not_enforced(bucket)
	gcp.constraint_may_cover("storage.publicAccessPrevention", bucket)
	not gcp.constraint_covers("storage.publicAccessPrevention", bucket)
	finding := lib.finding(bucket, "an organization policy enforcing storage.publicAccessPrevention may cover this bucket's project: the scan cannot tell")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket"], ["public_access_prevention"])
}
