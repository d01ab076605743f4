# METADATA
# title: ECS containers have a read-only root filesystem
# description: >-
#   Every container of an ECS task definition sets
#   "readonlyRootFilesystem": true in container_definitions (the default is
#   false), so that an attacker cannot modify binaries or drop tools into the
#   container; writable paths are mounted as volumes. Container definitions
#   that cannot be read at scan time are not judged.
# custom:
#   id: RUNGS-AWS-ECS-002
#   severity: low
#   kind: resource
#   resource_types: [aws_ecs_task_definition]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Make the root filesystem read-only and mount what must be writable:
#       container_definitions = jsonencode([{
#         name                   = "app"
#         image                  = "${aws_ecr_repository.app.repository_url}:1.4.2"
#         readonlyRootFilesystem = true
#         mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
#       }])
package rungs.aws.ecs.read_only_root_filesystem

import rego.v1

import data.rungs.lib

containers(td) := [c | some c in defs; is_object(c)] if {
	v := lib.attr(td, "container_definitions", null)
	is_string(v)
	json.is_valid(v)
	defs := json.unmarshal(v)
	is_array(defs)
} else := [c | some c in v; is_object(c)] if {
	v := lib.attr(td, "container_definitions", null)
	is_array(v)
} else := []

deny contains finding if {
	some td in lib.resources("aws_ecs_task_definition")
	some c in containers(td)
	# Absent means false.
	lib.falsy(object.get(c, "readonlyRootFilesystem", false))
	name := object.get(c, "name", "?")
	finding := lib.finding(td, concat("", ["Container ", format_name(name), " has a writable root filesystem (\"readonlyRootFilesystem\": true)"]))
}

format_name(n) := n if is_string(n)

format_name(n) := "?" if not is_string(n)

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_ecs_task_definition"], ["container_definitions"])
}
