# METADATA
# title: Disks are encrypted without customer-supplied keys written in code
# description: >-
#   Compute Engine encrypts every persistent disk at rest. What code can get
#   wrong is the key: a customer-supplied encryption key (CSEK) written as a
#   literal (disk_encryption_key.raw_key or rsa_encrypted_key on
#   google_compute_disk, disk_encryption_key_raw on instance disks) is readable
#   by anyone with the repository or the state, which voids the encryption.
#   Disks with Google-managed keys or Cloud KMS keys (kms_key_self_link) pass;
#   keys passed in from outside (variables, secrets) are not judged.
# custom:
#   id: RUNGS-GCP-COMPUTE-006
#   severity: high
#   kind: resource
#   resource_types: [google_compute_disk, google_compute_region_disk, google_compute_instance]
#   controls: [WKL-1.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Use a Cloud KMS key instead of a key in the code:
#       resource "google_compute_disk" "data" {
#         name = "data"
#         zone = "europe-west1-b"
#         size = 200
#         disk_encryption_key {
#           kms_key_self_link = google_kms_crypto_key.disks.id
#         }
#       }
package rungs.gcp.compute.disk_keys_not_in_code

import rego.v1

import data.rungs.lib

literal_key(v) if lib.is_nonempty_string(v)

# google_compute_disk / google_compute_region_disk
deny contains finding if {
	some t in ["google_compute_disk", "google_compute_region_disk"]
	some d in lib.resources(t)
	some k in lib.blocks(d, "disk_encryption_key")
	some field in ["raw_key", "rsa_encrypted_key"]
	literal_key(object.get(k, field, null))
	finding := lib.finding(d, sprintf("Customer-supplied disk key (%s) is written in the code", [field]))
}

# google_compute_instance boot and attached disks
deny contains finding if {
	some vm in lib.resources("google_compute_instance")
	some kind in ["boot_disk", "attached_disk"]
	some disk in lib.blocks(vm, kind)
	some field in ["disk_encryption_key_raw", "disk_encryption_key_rsa"]
	literal_key(object.get(disk, field, null))
	finding := lib.finding(vm, sprintf("Customer-supplied key of a %s (%s) is written in the code", [kind, field]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_disk", "google_compute_region_disk", "google_compute_instance"], ["disk_encryption_key"])
}
