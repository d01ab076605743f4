# METADATA
# title: Log buckets are encrypted with a customer-managed key
# description: >-
#   Cloud Logging buckets declared in code set cmek_settings { kms_key_name },
#   so that the audit logs they hold are encrypted with a Cloud KMS key the
#   organisation controls. Without it Google-managed keys are used.
# custom:
#   id: RUNGS-GCP-LOGGING-007
#   severity: low
#   kind: resource
#   resource_types: [google_logging_project_bucket_config]
#   controls: [LOG-3.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-02", "CEK-03"]
#   remediation: |
#     Encrypt the bucket with your key (the Logging service agent needs
#     roles/cloudkms.cryptoKeyEncrypterDecrypter on it):
#       resource "google_logging_project_bucket_config" "audit" {
#         # ...
#         cmek_settings {
#           kms_key_name = google_kms_crypto_key.logs.id
#         }
#       }
package rungs.gcp.logging.bucket_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["google_logging_project_bucket_config"]

path := ["cmek_settings", "kms_key_name"]

# Without a key the service encrypts with a Google-managed key: a finding.
value(r) := checks.setting(r, path, null)

good(v) if lib.is_nonempty_string(v)

good(v) if checks.resource_reference(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A variable or a module output may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.resource_reference(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Log bucket is not encrypted with a customer-managed key (cmek_settings.kms_key_name)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "cmek_settings.kms_key_name is unknown at scan time")
}
