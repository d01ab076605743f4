# METADATA
# title: ECS containers do not run privileged
# description: >-
#   No container of an ECS task definition sets "privileged": true in
#   container_definitions. A privileged container has root access to the
#   host, so one compromised container becomes a compromised node. Container
#   definitions that cannot be read at scan time (file(), templatefile()) are
#   not judged.
# custom:
#   id: RUNGS-AWS-ECS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_ecs_task_definition]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Drop privileged mode; grant only the Linux capabilities the container needs:
#       container_definitions = jsonencode([{
#         name       = "app"
#         image      = "${aws_ecr_repository.app.repository_url}:1.4.2"
#         privileged = false
#         linuxParameters = { capabilities = { drop = ["ALL"] } }
#       }])
package rungs.aws.ecs.no_privileged_containers

import rego.v1

import data.rungs.lib

# The container definitions of a task definition, as objects.
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
	lib.truthy(object.get(c, "privileged", false))
	name := object.get(c, "name", "?")
	finding := lib.finding(td, concat("", ["Container ", format_name(name), " runs privileged (\"privileged\": true)"]))
}

format_name(n) := n if is_string(n)

format_name(n) := "?" if not is_string(n)

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_ecs_task_definition"], ["container_definitions"])
}
