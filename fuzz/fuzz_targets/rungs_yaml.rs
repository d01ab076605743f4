#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(d) = rungs::config::parse(text, ".rungs.yaml", std::path::Path::new(".")) {
        if let Some(line) = d.location.as_ref().and_then(|l| l.line) {
            assert!(line <= rungs::fuzzing::line_count(data) + 1, "{d}");
        }
    }
});
