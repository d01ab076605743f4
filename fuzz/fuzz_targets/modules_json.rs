#![no_main]

const CALL: &[u8] = b"module \"remote\" {\n  source   = \"registry.example/x/y\"\n  for_each = toset([\"a\", \"b\"])\n  name     = each.key\n}\n";
const MODULE: &[u8] = b"variable \"name\" {}\nresource \"t\" \"m\" {\n  size = var.name\n}\nmodule \"inner\" {\n  source = \"./inner\"\n}\n";

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    rungs::fuzzing::load(&[
        ("main.tf", CALL),
        (".terraform/modules/modules.json", data),
        (".terraform/modules/remote/main.tf", MODULE),
        (".terraform/modules/remote/inner/main.tf", MODULE),
    ])
    .unwrap();
});
