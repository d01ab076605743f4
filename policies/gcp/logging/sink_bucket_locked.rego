# METADATA
# title: Log sinks write to retention-locked buckets
# description: >-
#   Every project, folder or organization log sink whose destination is a Cloud
#   Storage bucket or a Cloud Logging bucket of this configuration writes to a
#   bucket whose retention is locked (retention_policy { is_locked = true } on
#   google_storage_bucket, locked = true on google_logging_*_bucket_config), so
#   that exported audit logs cannot be deleted or shortened, not even by the
#   project owner. Sinks to other destinations, or to buckets the scan cannot
#   see, are not judged.
# custom:
#   id: RUNGS-GCP-LOGGING-006
#   severity: medium
#   kind: resource
#   resource_types: [google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink]
#   controls: [LOG-2.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["2.3"]
#     csa-ccm-v4: ["LOG-09"]
#   remediation: |
#     Lock a retention policy on the destination bucket:
#       resource "google_storage_bucket" "audit_logs" {
#         name                        = "acme-audit-logs"
#         location                    = "EU"
#         uniform_bucket_level_access = true
#         retention_policy {
#           retention_period = 31536000
#           is_locked        = true
#         }
#       }
package rungs.gcp.logging.sink_bucket_locked

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

sink_types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink"]

log_bucket_types := ["google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config", "google_logging_billing_account_bucket_config"]

storage_prefix := "storage.googleapis.com/"

# The sink writes to storage bucket b: by reference, or by its literal name.
writes_to_bucket(s, b) if {
	d := lib.attr(s, "destination", null)
	is_string(d)
	startswith(d, storage_prefix)
	lib.designates(d, b, lib.module_of(s))
}

writes_to_bucket(s, b) if {
	d := lib.attr(s, "destination", null)
	lib.is_known_string(d)
	startswith(d, storage_prefix)
	lib.attr(b, "name", null) == trim_prefix(d, storage_prefix)
}

# The sink writes to Cloud Logging bucket b: by reference, or by bucket id.
writes_to_log_bucket(s, b) if {
	d := lib.attr(s, "destination", null)
	is_string(d)
	startswith(d, "logging.googleapis.com/")
	lib.designates(d, b, lib.module_of(s))
}

writes_to_log_bucket(s, b) if {
	d := lib.attr(s, "destination", null)
	lib.is_known_string(d)
	startswith(d, "logging.googleapis.com/")
	id := lib.attr(b, "bucket_id", null)
	lib.is_known_string(id)
	endswith(d, concat("", ["/buckets/", id]))
}

storage_locked(b) if {
	some rp in lib.blocks(b, "retention_policy")
	not lib.falsy(gcp.get(rp, "is_locked", false))
}

storage_locked(b) if lib.is_unknown(lib.attr(b, "retention_policy", null))

deny contains finding if {
	some t in sink_types
	some s in lib.resources(t)
	some b in lib.resources("google_storage_bucket")
	writes_to_bucket(s, b)
	not storage_locked(b)
	finding := lib.finding(s, sprintf("Destination bucket %s has no locked retention policy", [b.address]))
}

deny contains finding if {
	some t in sink_types
	some s in lib.resources(t)
	some lt in log_bucket_types
	some b in lib.resources(lt)
	writes_to_log_bucket(s, b)
	# Log buckets are unlocked by default.
	lib.falsy(lib.attr(b, "locked", false))
	finding := lib.finding(s, sprintf("Destination log bucket %s is not locked", [b.address]))
}

# A sink to a bucket the scan does not hold, or to an unknown destination,
# cannot be judged: not judged, never passed.
unknown contains finding if {
	some t in sink_types
	some s in lib.resources(t)
	to_some_bucket(lib.attr(s, "destination", null))
	not judged_destination(s)
	finding := lib.finding(s, "the sink's destination bucket is not in this scan or is unknown: its retention lock cannot be judged")
}

to_some_bucket(d) if lib.wholly_unknown(d)

to_some_bucket(d) if {
	is_string(d)
	some prefix in [storage_prefix, "logging.googleapis.com/"]
	startswith(d, prefix)
}

judged_destination(s) if {
	some b in lib.resources("google_storage_bucket")
	writes_to_bucket(s, b)
}

judged_destination(s) if {
	some t in log_bucket_types
	some b in lib.resources(t)
	writes_to_log_bucket(s, b)
}
