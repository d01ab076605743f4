# METADATA
# title: Cloud Storage buckets log access and storage usage
# description: >-
#   Every google_storage_bucket delivers usage and storage logs to a log bucket
#   (logging { log_bucket }), so that access to stored data can be investigated.
#   Buckets that receive these logs from another bucket of the configuration
#   are not judged. Cloud Audit Logs data access logs are the other way to
#   record object access.
# custom:
#   id: RUNGS-GCP-STORAGE-005
#   severity: low
#   kind: resource
#   resource_types: [google_storage_bucket]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Deliver usage logs to a dedicated log bucket:
#       resource "google_storage_bucket" "data" {
#         name     = "acme-prod-data"
#         location = "EU"
#         logging {
#           log_bucket        = google_storage_bucket.access_logs.name
#           log_object_prefix = "data/"
#         }
#       }
package rungs.gcp.storage.access_logging

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

logged(bucket) if {
	some l in lib.blocks(bucket, "logging")
	lib.is_set(gcp.get(l, "log_bucket", null))
}

logged(bucket) if lib.is_unknown(lib.attr(bucket, "logging", null))

# Another bucket delivers its logs to this one (by reference or by name), or
# to a bucket the scan cannot tell.
log_target(bucket) if {
	some other in lib.resources("google_storage_bucket")
	some l in lib.blocks(other, "logging")
	v := gcp.get(l, "log_bucket", null)
	lib.designates(v, bucket, lib.module_of(other))
}

log_target(bucket) if {
	some other in lib.resources("google_storage_bucket")
	some l in lib.blocks(other, "logging")
	v := gcp.get(l, "log_bucket", null)
	lib.is_known_string(v)
	v == lib.attr(bucket, "name", null)
}

deny contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	# Without a logging block no usage logs are written.
	not logged(bucket)
	not log_target(bucket)
	finding := lib.finding(bucket, "Bucket does not deliver usage logs to a log bucket")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket"], ["logging"])
}
