# METADATA
# title: CloudFormation EKS clusters send all control-plane logs to CloudWatch
# description: >-
#   Every AWS::EKS::Cluster enables the api, audit, authenticator,
#   controllerManager and scheduler log types in Logging.ClusterLogging.EnabledTypes.
# custom:
#   id: RUNGS-CFN-EKS-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::EKS::Cluster"]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Enable every control-plane log type:
#       Logging:
#         ClusterLogging:
#           EnabledTypes:
#             - Type: api
#             - Type: audit
#             - Type: authenticator
#             - Type: controllerManager
#             - Type: scheduler
package rungs.aws.cloudformation.eks_control_plane_logging

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EKS::Cluster"]

log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

enabled(r) := cfn.at(r, ["Logging", "ClusterLogging", "EnabledTypes"], [])

undecided(r) if lib.is_unknown(enabled(r))

undecided(r) if {
	some e in enabled(r)
	lib.unknown_value(e)
}

undecided(r) if {
	some e in enabled(r)
	is_object(e)
	lib.is_unknown(object.get(e, "Type", ""))
}

missing(r) := log_types - {t | some e in enabled(r); is_object(e); t := object.get(e, "Type", "")}

state(r) := "unknown" if undecided(r)

state(r) := "pass" if {
	not undecided(r)
	count(missing(r)) == 0
}

state(r) := "fail" if {
	not undecided(r)
	count(missing(r)) > 0
}

deny contains lib.finding(r, "EKS cluster does not send every control-plane log type to CloudWatch (Logging.ClusterLogging)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Logging is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
