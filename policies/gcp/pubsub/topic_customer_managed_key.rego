# METADATA
# title: Pub/Sub topics are encrypted with a customer-managed key
# description: >-
#   Pub/Sub topics name a Cloud KMS key in kms_key_name (CMEK), so that messages
#   at rest are encrypted with a key the organisation controls and can revoke.
#   Without it Google-managed keys are used.
# custom:
#   id: RUNGS-GCP-PUBSUB-001
#   severity: low
#   kind: resource
#   resource_types: [google_pubsub_topic]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key (the Pub/Sub service agent needs roles/cloudkms.cryptoKeyEncrypterDecrypter on it):
#       resource "google_pubsub_topic" "events" {
#         name         = "events"
#         kms_key_name = google_kms_crypto_key.pubsub.id
#       }
package rungs.gcp.pubsub.topic_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["google_pubsub_topic"]

path := ["kms_key_name"]

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
	finding := lib.finding(r, "Pub/Sub topic is not encrypted with a customer-managed key (kms_key_name)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_key_name is unknown at scan time")
}
