# METADATA
# title: ECS tasks do not share the host's network or process namespaces
# description: >-
#   No ECS task definition uses network_mode = "host", pid_mode = "host" or
#   ipc_mode = "host". Sharing the host's namespaces lets a container see and
#   reach every process and port of the instance and bypasses the task's
#   security groups (awsvpc mode gives each task its own interface).
# custom:
#   id: RUNGS-AWS-ECS-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_ecs_task_definition]
#   controls: [WKL-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Give each task its own network interface and namespaces:
#       resource "aws_ecs_task_definition" "app" {
#         family       = "app"
#         network_mode = "awsvpc"
#         # no pid_mode / ipc_mode = "host"
#         # ...
#       }
package rungs.aws.ecs.no_host_namespaces

import rego.v1

import data.rungs.lib

deny contains finding if {
	some td in lib.resources("aws_ecs_task_definition")
	some key in ["network_mode", "pid_mode", "ipc_mode"]
	lib.attr(td, key, "") == "host"
	finding := lib.finding(td, concat("", ["Task shares the host's namespace (", key, " = \"host\")"]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_ecs_task_definition"], ["network_mode", "pid_mode", "ipc_mode"])
}
