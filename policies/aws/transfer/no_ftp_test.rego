package rungs.aws.transfer.no_ftp_test

import rego.v1

import data.rungs.aws.transfer.no_ftp as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_default_passes if {
	d := doc([res("aws_transfer_server", "x", {"endpoint_type": "VPC"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_sftp_and_ftps_pass if {
	d := doc([res("aws_transfer_server", "x", {"protocols": ["SFTP", "FTPS"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_ftp_is_denied if {
	d := doc([res("aws_transfer_server", "x", {"protocols": ["FTP", "SFTP"]})])
	addresses(policy.deny) == {"aws_transfer_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_ftp_beside_unknown_item_is_denied if {
	d := doc([res("aws_transfer_server", "x", {"protocols": ["FTP", "${var.extra}"]})])
	addresses(policy.deny) == {"aws_transfer_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_item_is_not_judged if {
	d := doc([res("aws_transfer_server", "x", {"protocols": ["SFTP", "${var.extra}"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_transfer_server.x"} with input as d
}

test_unknown_list_is_not_judged if {
	d := doc([res("aws_transfer_server", "x", {"protocols": "${var.protocols}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_transfer_server.x"} with input as d
}
