# METADATA
# title: Cloud Storage buckets are encrypted with a customer-managed key
# description: >-
#   Every google_storage_bucket names a Cloud KMS key as its default encryption
#   key (encryption { default_kms_key_name }), so that the organization controls
#   rotation, access and destruction of the key protecting its objects. Without
#   it Google encrypts objects with a Google-managed key.
# custom:
#   id: RUNGS-GCP-STORAGE-004
#   severity: low
#   kind: resource
#   resource_types: [google_storage_bucket]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Set a default customer-managed key (the Cloud Storage service agent needs
#     roles/cloudkms.cryptoKeyEncrypterDecrypter on it):
#       resource "google_storage_bucket" "data" {
#         name     = "acme-prod-data"
#         location = "EU"
#         encryption {
#           default_kms_key_name = google_kms_crypto_key.storage.id
#         }
#       }
package rungs.gcp.storage.cmek_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

cmek(bucket) if {
	some e in lib.blocks(bucket, "encryption")
	lib.is_set(gcp.get(e, "default_kms_key_name", null))
}

cmek(bucket) if lib.is_unknown(lib.attr(bucket, "encryption", null))

deny contains finding if {
	some bucket in lib.resources("google_storage_bucket")
	# Without an encryption block objects use Google-managed keys.
	not cmek(bucket)
	finding := lib.finding(bucket, "Bucket has no customer-managed default encryption key")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_storage_bucket"], ["encryption"])
}
