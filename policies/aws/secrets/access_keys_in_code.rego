# METADATA
# title: No AWS access keys are written in resource arguments
# description: >-
#   No argument of an instance, launch template or configuration, Lambda
#   function, ECS task or Batch job definition, CodeBuild project, SSM parameter
#   or Beanstalk environment holds an AWS access key id (AKIA... or ASIA...) or
#   a secret access key assignment (aws_secret_access_key = ...). A key in user
#   data, environment variables or container definitions is readable by anyone
#   who can read the code, the state or the resource's configuration. Values
#   unknown at scan time are not literals in the code and pass. Findings name
#   the argument, never the value.
# custom:
#   id: RUNGS-AWS-SECRETS-001
#   severity: critical
#   kind: resource
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration, aws_lambda_function, aws_ecs_task_definition, aws_codebuild_project, aws_batch_job_definition, aws_ssm_parameter, aws_elastic_beanstalk_environment]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Remove the key, deactivate it in IAM, and give the workload a role instead
#     (an instance profile, a Lambda execution role, an ECS task role):
#       resource "aws_lambda_function" "app" {
#         # ...
#         role = aws_iam_role.app.arn
#       }
package rungs.aws.secrets.access_keys_in_code

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := [
	"aws_instance", "aws_launch_template", "aws_launch_configuration", "aws_lambda_function",
	"aws_ecs_task_definition", "aws_codebuild_project", "aws_batch_job_definition",
	"aws_ssm_parameter", "aws_elastic_beanstalk_environment",
]

# An assignment of a secret access key (40 characters of base64) in any common
# spelling, matched on the lower-cased JSON text of an argument (so quotes may be
# escaped; regorus has no (?i) flag).
secret_key_pattern := `aws_?secret_?access_?key[\\"']*[ \t]*[:=][ \t]*[\\"']*[a-z0-9/+=]{40}`

# The JSON text of an argument: strings inside lists, blocks, maps and encoded
# documents (container definitions) are searched alike.
leaks(v) if checks.has_access_key_id(v)

leaks(v) if regex.match(secret_key_pattern, lower(v))

# The top-level arguments of r holding a key.
leaking_arguments(r) := {k |
	some k, v in lib.config(r)
	leaks(json.marshal(v))
}

# Unknown values are not literals in the code, so they pass: this policy has no
# unknown rule.
deny contains finding if {
	some t in types
	some r in lib.resources(t)
	some k in leaking_arguments(r)
	finding := lib.finding(r, sprintf("Argument %s holds an AWS access key (value not shown)", [k]))
}
