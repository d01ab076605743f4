#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = rungs::policy::metadata::parse(text) {
        assert!(
            e.line >= 1 && e.line <= rungs::fuzzing::line_count(data) + 1,
            "line {}: {}",
            e.line,
            e.message
        );
    }
});
