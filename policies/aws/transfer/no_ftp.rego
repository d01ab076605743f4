# METADATA
# title: Transfer Family servers do not accept plain FTP
# description: >-
#   AWS Transfer Family servers do not list FTP in protocols: FTP sends
#   credentials and files in clear text. The provider default is SFTP only.
# custom:
#   id: RUNGS-AWS-TRANSFER-001
#   severity: high
#   kind: resource
#   resource_types: [aws_transfer_server]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Offer SFTP or FTPS only:
#       resource "aws_transfer_server" "partners" {
#         # ...
#         protocols = ["SFTP"]
#       }
package rungs.aws.transfer.no_ftp

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_transfer_server"]

path := ["protocols"]

# The provider default for protocols is ["SFTP"]: a missing argument passes.
value(r) := checks.setting(r, path, ["SFTP"])

good(v) if {
	is_array(v)
	not "FTP" in v
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# An unknown element may be "FTP".
undecided(r) if {
	v := value(r)
	checks.has_unknown_item(v)
	not "FTP" in v
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Transfer server accepts plain FTP (protocols)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "protocols is unknown at scan time")
}
