//! How the process's allocator is set up: by the `rungs` binary, and by the benchmarks so that
//! their in-process figures are those of the binary. Each declares mimalloc as its global
//! allocator (Rego evaluation allocates and frees many small values; mimalloc did the
//! 5,000-bucket scan in about three quarters of glibc's CPU time, docs/performance.md), then
//! calls [`tune`] first thing.

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h` (libmimalloc-sys names no constant).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Pages freed by one evaluation go back to the system at once instead of after mimalloc's
/// default 1 s (with the delay, peak RSS was a third above glibc's on large scans), and no
/// transparent huge pages (see [`no_huge_pages`]).
pub fn tune() {
    // SAFETY: sets one process-wide integer option, which mimalloc allows at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    no_huge_pages();
}

/// With pages purged at once, mimalloc's heap was faulted back in 2 MiB pages, each zeroed by
/// the kernel (`clear_page_erms`, 9% of a 5,000-bucket scan's samples), and a huge page held
/// more than the small pages in use.
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: sets the calling process's THP flag; no memory is touched.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0) };
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}

#[cfg(test)]
mod tests {
    use super::{tune, MI_OPTION_PURGE_DELAY};

    /// One test for both settings: `tune` sets them process-wide, and a second test calling it
    /// could run first and hide the defaults.
    #[test]
    fn tune_purges_freed_pages_at_once_and_turns_huge_pages_off() {
        // SAFETY: reads one process-wide integer option.
        let delay = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        // The default of `mi_option_purge_delay` in mimalloc 3 (`options.c`), unless the
        // environment sets it.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(delay(), 1000);
        }
        tune();
        assert_eq!(delay(), 0);
        #[cfg(target_os = "linux")]
        {
            // SAFETY: reads the calling process's THP flag.
            let huge_pages_off = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
            assert_eq!(huge_pages_off, 1);
        }
    }
}
