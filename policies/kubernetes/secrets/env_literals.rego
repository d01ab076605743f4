# METADATA
# title: Kubernetes containers do not hold secrets in literal environment values
# description: >-
#   No container's env sets a literal value for a variable named like a
#   secret (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY,
#   CREDENTIAL). The value is in the repository and readable by everyone who
#   can read the workload object; use valueFrom.secretKeyRef or a mounted
#   Secret. Only literal values are judged: placeholders (${VAR}, templates)
#   are not secrets in the code.
# custom:
#   id: RUNGS-K8S-SECRET-001
#   severity: high
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     env:
#     - name: DB_PASSWORD
#       valueFrom:
#         secretKeyRef:
#           name: db
#           key: password
package rungs.kubernetes.secrets.env_literals

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

secret_name(n) if regex.match(`(?i)(passw(or)?d|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)`, n)

deny contains lib.finding(r, sprintf("container %s sets %s to a literal value", [k8s.name(c), e.name])) if {
	some r in k8s.workloads
	some c in k8s.containers(r)
	some e in k8s.list(object.get(c, "env", []))
	is_object(e)
	is_string(e.name)
	secret_name(e.name)
	lib.is_nonempty_string(object.get(e, "value", ""))
}
