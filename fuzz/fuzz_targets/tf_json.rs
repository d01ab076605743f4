#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| rungs::fuzzing::load(&[("main.tf.json", data)]).unwrap());
