# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: >-
#   Every google_storage_bucket turns on uniform bucket-level access, so that
#   access is granted only through IAM and no object ACL can quietly make an
#   object public. An organization policy enforcing
#   storage.uniformBucketLevelAccess in the same configuration counts as a fix.
# custom:
#   id: RUNGS-GCP-STORAGE-001
#   severity: medium
#   kind: resource
#   resource_types: [google_storage_bucket]
#   controls: [DAT-1.1]
#   frameworks:
#     csa-ccm-v4: ["DSP-17"]
#     cis-gcp-foundations-3.0: ["5.2"]
#   remediation: |
#     Turn uniform bucket-level access on (or enforce the
#     storage.uniformBucketLevelAccess organization policy):
#       resource "google_storage_bucket" "data" {
#         name                        = "acme-prod-data"
#         location                    = "EU"
#         uniform_bucket_level_access = true
#       }
package rungs.gcp.storage.uniform_bucket_level_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

deny contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	# The provider default is false: object ACLs stay in force.
	not lib.truthy(lib.attr(bucket, "uniform_bucket_level_access", false))
	not lib.is_unknown(lib.attr(bucket, "uniform_bucket_level_access", false))
	not gcp.constraint_may_cover("storage.uniformBucketLevelAccess", bucket)
	finding := lib.finding(bucket, "Uniform bucket-level access is off: object ACLs can grant access outside IAM")
}

# An org policy enforcing the constraint on a project or folder the scan cannot place this
# bucket in may cover it: not judged.
unknown contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	lib.falsy(lib.attr(bucket, "uniform_bucket_level_access", false))
	gcp.constraint_may_cover("storage.uniformBucketLevelAccess", bucket)
	not gcp.constraint_covers("storage.uniformBucketLevelAccess", bucket)
	finding := lib.finding(bucket, "an organization policy enforcing storage.uniformBucketLevelAccess may cover this bucket's project: the scan cannot tell")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket"], ["uniform_bucket_level_access"])
}
