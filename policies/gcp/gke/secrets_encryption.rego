# METADATA
# title: GKE encrypts Kubernetes secrets with a Cloud KMS key
# description: >-
#   Every google_container_cluster enables application-layer secrets
#   encryption (database_encryption with state ENCRYPTED and a Cloud KMS
#   key_name), so that Secrets stored in etcd are also encrypted with a key the
#   organization controls. The default is DECRYPTED.
# custom:
#   id: RUNGS-GCP-GKE-008
#   severity: medium
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [WKL-3.2, DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt secrets with a key in the cluster's region (the GKE service agent
#     needs roles/cloudkms.cryptoKeyEncrypterDecrypter on it):
#       resource "google_container_cluster" "main" {
#         # ...
#         database_encryption {
#           state    = "ENCRYPTED"
#           key_name = google_kms_crypto_key.gke_secrets.id
#         }
#       }
package rungs.gcp.gke.secrets_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

encrypted(c) if {
	some de in lib.blocks(c, "database_encryption")
	state := gcp.get(de, "state", "DECRYPTED")
	state != "DECRYPTED"
}

encrypted(c) if lib.is_unknown(lib.attr(c, "database_encryption", null))

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	not encrypted(c)
	finding := lib.finding(c, "Kubernetes secrets are not encrypted with a Cloud KMS key (database_encryption)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["database_encryption", "state"])
}
