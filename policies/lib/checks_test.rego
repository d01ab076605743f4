package rungs.lib.checks_test

import rego.v1

import data.rungs.lib.checks

# The rules below replaced regular expressions with negated classes (which
# compile slowly); each must agree with its original pattern on every sample.
samples := [
	"${aws_kms_key.k.arn}",
	"${data.aws_kms_alias.a.target_key_arn}",
	"${aws_kms_key.k.arn}}",
	"${aws_kms_key.k.arn}x",
	"${aws_kms_key.k.arn} ",
	"${aws_kms_key.}",
	"${aws_kms_key.k.arn}-${var.x}",
	"${aws_kms_key.ключ.arn}",
	"${aws_kms_replica_external_key.k.arn}",
	"${aws_kms_keys.k.arn}",
	"${var.kms_key_id}",
	"${google_kms_crypto_key.k.id}",
	"${data.google_kms_crypto_key.k.id}",
	"${google_kms_crypto_key.k[\"a}b\"].id}",
	"${module.kms.key_arn}",
	"x${aws_kms_key.k.arn}",
	"${aws_kms_key.k.arn}\n",
	"",
	"}",
]

kms_pattern := `^\$\{(data\.)?aws_kms_(key|replica_key|external_key|replica_external_key|alias)\.[^}]*\}$`

reference_pattern := `^\$\{(data\.)?[a-z0-9]+_[a-z0-9_]+\.[^}]*\}$`

test_kms_key_ref_agrees_with_its_pattern if {
	every s in samples {
		lib_unknown_or_known_kms(s) == regex.match(kms_pattern, s)
	}
}

# kms_key_ref also holds for known key ids; the pattern is about unknown text.
lib_unknown_or_known_kms(s) if {
	contains(s, "${")
	checks.kms_key_ref(s)
}

lib_unknown_or_known_kms(s) := false if {
	contains(s, "${")
	not checks.kms_key_ref(s)
}

lib_unknown_or_known_kms(s) := regex.match(kms_pattern, s) if not contains(s, "${")

test_resource_reference_agrees_with_its_pattern if {
	every s in samples {
		reference_or_false(s) == expected_reference(s)
	}
}

# resource_reference is about unknown text only.
expected_reference(s) := regex.match(reference_pattern, s) if contains(s, "${")

expected_reference(s) := false if not contains(s, "${")

reference_or_false(s) if checks.resource_reference(s)

reference_or_false(s) := false if not checks.resource_reference(s)

test_kms_key_ref_examples if {
	checks.kms_key_ref("${aws_kms_key.k.arn}")
	checks.kms_key_ref("${aws_kms_key.ключ.arn}")
	not checks.kms_key_ref("${aws_kms_key.k.arn}}")
	not checks.kms_key_ref("${aws_kms_key.k.arn}-${var.x}")
	not checks.kms_key_ref("${var.kms_key_id}")
}

key_samples := [
	"AKIAIOSFODNN7EXAMPLE",
	"id=AKIAIOSFODNN7EXAMPLE;",
	"ключAKIAIOSFODNN7EXAMPLEключ",
	"XAKIAIOSFODNN7EXAMPLE",
	"AKIAIOSFODNN7EXAMPLEX",
	"AKIAIOSFODNN7EXAMPL",
	"ASIAIOSFODNN7EXAMPLE and AKIAIOSFODNN7EXAMPLE1",
	"AKIAIOSFODNN7EXAMPLE1 then AKIAIOSFODNN7EXAMPLE",
	"akiaiosfodnn7example",
	"AKIBIOSFODNN7EXAMPLE",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ AKIA0000000000000000\n",
	"",
]

key_pattern := `(^|[^A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}([^A-Z0-9]|$)`

test_has_access_key_id_agrees_with_its_pattern if {
	every s in key_samples {
		key_or_false(s) == regex.match(key_pattern, s)
	}
}

key_or_false(s) if checks.has_access_key_id(s)

key_or_false(s) := false if not checks.has_access_key_id(s)

test_has_access_key_id_examples if {
	checks.has_access_key_id("ключAKIAIOSFODNN7EXAMPLEключ")
	checks.has_access_key_id("AKIAIOSFODNN7EXAMPLE1 then AKIAIOSFODNN7EXAMPLE")
	not checks.has_access_key_id("XAKIAIOSFODNN7EXAMPLE")
	not checks.has_access_key_id(["AKIAIOSFODNN7EXAMPLE"])
}
