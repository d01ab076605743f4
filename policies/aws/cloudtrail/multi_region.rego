# METADATA
# title: A multi-region CloudTrail trail covers every account
# description: >-
#   Each account with a CloudTrail trail has at least one logging, multi-region
#   trail, so that API activity in regions the organization does not normally
#   use is recorded too (CIS asks for one such trail, not for every trail to be
#   multi-region). A single-region trail fails only when the document holds no
#   trail that is or may be multi-region and logging; it passes beside one of
#   the same provider configuration (same module and alias), and is not judged
#   beside one of another configuration (it may be another account) or one
#   whose is_multi_region_trail or enable_logging is unknown.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-001
#   severity: high
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.1"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Make one trail of the account multi-region (others may stay regional):
#       resource "aws_cloudtrail" "main" {
#         name                  = "main"
#         s3_bucket_name        = aws_s3_bucket.trail.id
#         is_multi_region_trail = true
#       }
package rungs.aws.cloudtrail.multi_region

import rego.v1

import data.rungs.lib

trails := lib.resources("aws_cloudtrail")

# The provider defaults: is_multi_region_trail false, enable_logging true.
multi(t) := lib.attr(t, "is_multi_region_trail", false)

logging(t) := lib.attr(t, "enable_logging", true)

single(t) if lib.falsy(multi(t))

is_covering(t) if {
	lib.truthy(multi(t))
	lib.truthy(logging(t))
}

# Trails known to record every region of their account.
covering := [t | some t in trails; is_covering(t)]

# Trails that may: multi-region and logging, one of them unknown.
maybe_covering := [t |
	some t in trails
	not single(t)
	not lib.falsy(logging(t))
	not is_covering(t)
]

covered(t) if {
	some c in covering
	lib.same_provider(c, t)
}

# Another configuration (another module or alias) may be the same account in another region.
maybe_covered(t) if {
	some c in covering
	not lib.same_provider(c, t)
}

maybe_covered(t) if {
	some c in maybe_covering
	c.address != t.address
}

deny contains finding if {
	some t in trails
	single(t)
	not covered(t)
	not maybe_covered(t)
	finding := lib.finding(t, "No multi-region trail records this trail's account: API activity in the other regions is not logged")
}

unknown contains finding if {
	some t in trails
	not covered(t)
	not lib.truthy(multi(t))
	maybe_covered(t)
	finding := lib.finding(t, "A multi-region trail of another provider configuration, or with unknown settings, may record this trail's account")
}

# A trail whose own is_multi_region_trail is unknown, with nothing else that may cover it.
unknown contains finding if {
	some t in trails
	lib.is_unknown(multi(t))
	not covered(t)
	not maybe_covered(t)
	finding := lib.finding(t, "is_multi_region_trail is unknown at scan time")
}
