//! The process's allocator and how it is set up: the `rungs` binary, and the benchmarks so that
//! their in-process figures are those of the binary, each install it with [`use_allocator!`]:
//! [`MiMalloc`] as the global allocator (Rego evaluation allocates and frees many small values;
//! mimalloc did the 5,000-bucket scan in about three quarters of glibc's CPU time,
//! docs/performance.md), [`tune`]d when the program is loaded.

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc as Rust's global allocator. The `mimalloc` crate's allocator asks for every block
/// through the aligned entry points, whose checks send blocks over 1 KiB of a size that is not
/// a power of two to an over-allocating fallback; 6% of a small scan's instructions were
/// allocation. mimalloc's size classes are whole words, so the plain entry points already give
/// any alignment up to a word: only larger alignments take the aligned ones.
pub struct MiMalloc;

/// The alignment every block of mimalloc's has.
const WORD: usize = std::mem::size_of::<usize>();

// SAFETY: mimalloc returns blocks of at least the asked size, aligned to a word by its plain
// entry points and to the asked alignment by its aligned ones, or null; `dealloc` and
// `realloc` receive only blocks it returned.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_malloc(layout.size()).cast()
        } else {
            mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            mi_zalloc(layout.size()).cast()
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr.cast::<c_void>());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}

/// Declares [`MiMalloc`] as the global allocator and calls [`tune`] when the program is loaded,
/// from `.init_array`. `main` is too late: the Rust runtime allocates before it, and that first
/// allocation maps mimalloc's first arena, which mimalloc asks the kernel to back with
/// transparent huge pages; two 2 MiB pages were zeroed before `main` ran, 8% of a one-root
/// scan's CPU (docs/performance.md, thirteenth session). Elsewhere than Linux, call [`tune`]
/// first thing in `main`.
#[macro_export]
macro_rules! use_allocator {
    () => {
        #[global_allocator]
        static GLOBAL: $crate::allocator::MiMalloc = $crate::allocator::MiMalloc;

        #[cfg(target_os = "linux")]
        #[used]
        #[link_section = ".init_array"]
        static TUNE_AT_LOAD: extern "C" fn() = {
            extern "C" fn tune_at_load() {
                $crate::allocator::tune();
            }
            tune_at_load
        };
    };
}

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

/// Called when the process is about to end: freed pages stay with it. mimalloc's exit handler
/// would return every freed range to the system (a `madvise` each), work the kernel does anyway
/// when the process ends: 3-4% of a one-root scan's CPU (docs/performance.md, thirteenth
/// session). A negative delay means "never" to mimalloc.
pub fn before_exit() {
    // SAFETY: sets one process-wide integer option, which mimalloc allows at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
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
    use super::{before_exit, tune, MiMalloc, MI_OPTION_PURGE_DELAY};
    use std::alloc::{GlobalAlloc, Layout};

    /// Blocks of every size up to 5 KiB and every alignment up to 4 KiB are aligned, writable,
    /// zeroed when asked, and keep their contents when grown or shrunk.
    #[test]
    fn blocks_are_aligned_and_keep_their_contents() {
        for align in (0..13).map(|k| 1_usize << k) {
            for size in (1..=5120).step_by(7).chain([align, 3 * align]) {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a non-zero size; each block is freed once, with its layout.
                unsafe {
                    let zeroed = MiMalloc.alloc_zeroed(layout);
                    assert_eq!(zeroed as usize % align, 0, "{size} {align}");
                    assert!((0..size).all(|i| *zeroed.add(i) == 0), "{size} {align}");
                    MiMalloc.dealloc(zeroed, layout);
                    let p = MiMalloc.alloc(layout);
                    assert_eq!(p as usize % align, 0, "{size} {align}");
                    (0..size).for_each(|i| *p.add(i) = i as u8);
                    let grown = MiMalloc.realloc(p, layout, size * 3);
                    assert_eq!(grown as usize % align, 0, "{size} {align} grown");
                    assert!(
                        (0..size).all(|i| *grown.add(i) == i as u8),
                        "{size} {align}"
                    );
                    let layout = Layout::from_size_align(size * 3, align).unwrap();
                    let shrunk = MiMalloc.realloc(grown, layout, size / 2 + 1);
                    assert_eq!(shrunk as usize % align, 0, "{size} {align} shrunk");
                    assert!((0..=size / 2).all(|i| *shrunk.add(i) == i as u8), "{size}");
                    let layout = Layout::from_size_align(size / 2 + 1, align).unwrap();
                    MiMalloc.dealloc(shrunk, layout);
                }
            }
        }
    }

    // This test binary is set up as the `rungs` binary is.
    crate::use_allocator!();

    /// No memory of the process is backed by transparent huge pages: `tune` ran before the first
    /// allocation. Called in `main`, it came after the runtime's first allocation, and mimalloc's
    /// first arena held two huge pages (`AnonHugePages: 4096 kB`) on a kernel whose THP mode is
    /// `madvise` or `always`; with THP `never` this passes whatever the order.
    #[cfg(target_os = "linux")]
    #[test]
    fn no_memory_is_in_huge_pages() {
        let _block = vec![1_u8; 8 << 20];
        let rollup = std::fs::read_to_string("/proc/self/smaps_rollup").unwrap();
        let huge = rollup
            .lines()
            .find(|l| l.starts_with("AnonHugePages:"))
            .unwrap();
        assert_eq!(huge.split_whitespace().nth(1), Some("0"), "{huge}");
    }

    /// One test for every setting: they are process-wide, and a second test changing them
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
        before_exit();
        assert_eq!(delay(), -1);
    }
}
