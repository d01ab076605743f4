# METADATA
# title: Cloud Storage buckets have object versioning enabled
# description: >-
#   Every google_storage_bucket keeps noncurrent object versions
#   (versioning { enabled = true }), so that overwritten or deleted objects can
#   be restored after an accident or a destructive attack.
# custom:
#   id: RUNGS-GCP-STORAGE-003
#   severity: medium
#   kind: resource
#   resource_types: [google_storage_bucket]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn versioning on (and expire old versions with a lifecycle rule):
#       resource "google_storage_bucket" "data" {
#         name     = "acme-prod-data"
#         location = "EU"
#         versioning {
#           enabled = true
#         }
#       }
package rungs.gcp.storage.versioning

import rego.v1

import data.rungs.lib

# versioning { enabled = true }, or a value the scan cannot know.
versioned(bucket) if {
	some v in lib.blocks(bucket, "versioning")
	e := object.get(v, "enabled", false)
	not lib.falsy(e)
	e != null
}

versioned(bucket) if lib.is_unknown(lib.attr(bucket, "versioning", null))

deny contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	# Without a versioning block the bucket keeps no noncurrent versions.
	not versioned(bucket)
	finding := lib.finding(bucket, "Object versioning is not enabled")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket"], ["versioning", "enabled"])
}
