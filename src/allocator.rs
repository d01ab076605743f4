//! How the process's allocator is set up: by the `rungs` binary, and by the benchmarks so that
//! their in-process figures are those of the binary. Each declares mimalloc as its global
//! allocator (Rego evaluation allocates and frees many small values; mimalloc did the
//! 5,000-bucket scan in about three quarters of glibc's CPU time, docs/performance.md), then
//! calls [`tune`] first thing.

/// `mi_option_purge_delay` in mimalloc 3's `mimalloc.h` (libmimalloc-sys names no constant).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed pages stay with the process before they go back to the system: mimalloc 3's
/// default, 1 s, set explicitly (mimalloc 2's was 10 ms). Returned at once, they were faulted
/// and zeroed again by the next evaluation: 80,000 page faults and a quarter of the CPU time of
/// a 5,000-bucket scan were the kernel's; with the delay, 38,000 faults and 10%, for a peak RSS
/// some 30% higher (docs/performance.md, tenth session).
const PURGE_DELAY_MS: std::ffi::c_long = 1000;

/// Freed pages kept for [`PURGE_DELAY_MS`], and no transparent huge pages (see
/// [`no_huge_pages`]).
pub fn tune() {
    // SAFETY: sets one process-wide integer option, which mimalloc allows at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    no_huge_pages();
}

/// With pages purged at once, mimalloc's heap was faulted back in 2 MiB pages, each zeroed by
/// the kernel (`clear_page_erms`, 9% of a 5,000-bucket scan's samples), and a huge page held
/// more than the small pages in use; with the purge delay, huge pages still cost more system
/// time than they saved.
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
    fn tune_keeps_freed_pages_a_second_and_turns_huge_pages_off() {
        // SAFETY: reads and sets one process-wide integer option.
        let delay = || unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
        assert_eq!(delay(), 0);
        tune();
        assert_eq!(delay(), 1000);
        #[cfg(target_os = "linux")]
        {
            // SAFETY: reads the calling process's THP flag.
            let huge_pages_off = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
            assert_eq!(huge_pages_off, 1);
        }
    }
}
