#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rungs_fuzz::load(&[("main.tf", data)]));
