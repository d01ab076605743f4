#![no_main]

const VARIABLES: &[u8] = b"variable \"a\" {\n  type = number\n}\nvariable \"b\" {\n  type = object({ x = optional(list(string), []) })\n}\nresource \"t\" \"x\" {\n  count = var.a\n  size  = var.b.x\n}\n";

// The first byte picks HCL or JSON syntax.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let name = if first % 2 == 0 {
        "terraform.tfvars"
    } else {
        "terraform.tfvars.json"
    };
    rungs::fuzzing::load(&[("main.tf", VARIABLES), (name, rest)]).unwrap();
});
