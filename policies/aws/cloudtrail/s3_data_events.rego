# METADATA
# title: A trail records S3 object-level data events
# description: >-
#   Some enabled CloudTrail trail logs S3 object-level data events (an
#   event_selector with a data_resource of type AWS::S3::Object, or an
#   advanced_event_selector selecting eventCategory Data and resources.type
#   AWS::S3::Object), so that reads and writes of objects can be investigated.
#   Management events alone do not show who read or changed an object. The
#   selector must record write events (CIS 3.8): read_write_type All (the
#   default) or WriteOnly; an advanced selector must not select readOnly =
#   true only. Reads alone (ReadOnly) do not pass. Unknown selectors count in
#   favour of presence.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-007
#   severity: low
#   kind: presence
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.8"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Add S3 data events to a trail (all buckets, reads and writes):
#       resource "aws_cloudtrail" "org" {
#         # ...
#         advanced_event_selector {
#           name = "S3 object-level events"
#           field_selector {
#             field  = "eventCategory"
#             equals = ["Data"]
#           }
#           field_selector {
#             field  = "resources.type"
#             equals = ["AWS::S3::Object"]
#           }
#         }
#       }
package rungs.aws.cloudtrail.s3_data_events

import rego.v1

import data.rungs.lib

# The provider default for enable_logging is true.
logging(trail) if not lib.falsy(lib.attr(trail, "enable_logging", true))

# Classic event selectors.
records_s3_objects(trail) if {
	some sel in lib.blocks(trail, "event_selector")
	records_writes(sel)
	some dr in lib.sub_blocks(sel, "data_resource")
	t := object.get(dr, "type", "")
	s3_object_type(t)
}

# Advanced event selectors: eventCategory = Data and resources.type = AWS::S3::Object.
records_s3_objects(trail) if {
	some sel in lib.blocks(trail, "advanced_event_selector")
	not reads_only(sel)
	some cat in lib.sub_blocks(sel, "field_selector")
	object.get(cat, "field", "") == "eventCategory"
	some v in lib.list_or_empty(object.get(cat, "equals", []))
	data_category(v)
	some typ in lib.sub_blocks(sel, "field_selector")
	object.get(typ, "field", "") == "resources.type"
	some t in lib.list_or_empty(object.get(typ, "equals", []))
	s3_object_type(t)
}

# Selectors given as unknown expressions count in favour of presence.
records_s3_objects(trail) if {
	some key in ["event_selector", "advanced_event_selector"]
	lib.is_unknown(lib.attr(trail, key, null))
}

s3_object_type(t) if t == "AWS::S3::Object"

s3_object_type(t) if lib.is_unknown(t)

data_category(v) if v == "Data"

data_category(v) if lib.is_unknown(v)

present if {
	some trail in lib.resources("aws_cloudtrail")
	logging(trail)
	records_s3_objects(trail)
}

# Classic selectors: read_write_type defaults to All.
records_writes(sel) if {
	rwt := object.get(sel, "read_write_type", "All")
	rwt in {"All", "WriteOnly"}
}

records_writes(sel) if lib.is_unknown(object.get(sel, "read_write_type", "All"))

# Advanced selectors: readOnly = true (or readOnly != false) selects reads only.
reads_only(sel) if {
	some fs in lib.sub_blocks(sel, "field_selector")
	object.get(fs, "field", "") == "readOnly"
	object.get(fs, "equals", []) == ["true"]
}

reads_only(sel) if {
	some fs in lib.sub_blocks(sel, "field_selector")
	object.get(fs, "field", "") == "readOnly"
	object.get(fs, "not_equals", []) == ["false"]
}
