//! A one-line progress display on stderr, for long `trend` runs. Drawn only when stderr is a
//! terminal and `--quiet` is not given; redrawn at most ten times a second; erased when done.
//! (A few lines of our own instead of a progress-bar crate: one line is all we draw.)

use rungs::trend::Progress;
use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WIDTH: usize = 30;

pub struct Bar {
    last: Mutex<Option<Instant>>,
}

impl Bar {
    /// `None` when nothing should be drawn.
    pub fn new(quiet: bool) -> Option<Bar> {
        (!quiet && std::io::stderr().is_terminal()).then(|| Bar {
            last: Mutex::new(None),
        })
    }

    pub fn finish(&self) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K");
        let _ = err.flush();
    }
}

impl Progress for Bar {
    fn update(&self, stage: &'static str, done: usize, total: usize) {
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if done < total && last.is_some_and(|t| now - t < Duration::from_millis(100)) {
            return;
        }
        *last = Some(now);
        let filled = (done * WIDTH)
            .checked_div(total)
            .unwrap_or(WIDTH)
            .min(WIDTH);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K{stage:<16} [{}{}] {done}/{total}",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled)
        );
        let _ = err.flush();
    }
}
