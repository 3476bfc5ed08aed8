//! The global allocator: mimalloc, called without its aligned entry points for ordinary layouts.
//!
//! The `mimalloc` crate sends every request through `mi_malloc_aligned`, whose alignment checks
//! cost about as much again as the allocation itself. Documents allocate small strings and maps by
//! the hundred, so requests whose alignment mimalloc gives anyway go straight to `mi_malloc`.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};

/// Every mimalloc block is aligned to at least a machine word (`MI_INTPTR_SIZE`).
const GUARANTEED_ALIGN: usize = std::mem::size_of::<usize>();

pub struct MiMalloc;

// SAFETY: each method forwards to the mimalloc function with the same contract; layouts whose
// alignment exceeds what `mi_malloc` guarantees use the aligned variants.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= GUARANTEED_ALIGN {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= GUARANTEED_ALIGN {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= GUARANTEED_ALIGN {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

extern "C" {
    // mimalloc's option setter (part of the C library libmimalloc-sys links).
    fn mi_option_set(option: std::os::raw::c_int, value: std::os::raw::c_long);
}

/// `mi_option_purge_delay` in the `mi_option_e` of mimalloc v3 as bundled by libmimalloc-sys 0.1.49
/// (pinned in Cargo.toml: the index differs between mimalloc versions).
const MI_OPTION_PURGE_DELAY: std::os::raw::c_int = 15;

/// Freed memory goes back to the OS at once instead of after 10 ms: a replay's worker threads
/// free whole chunks of documents at a time, and holding them lifts peak RSS to about twice what
/// is in use, at no measurable gain in throughput.
pub fn tune() {
    // SAFETY: a plain option store; valid for any option index and value.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn honours_every_alignment() {
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1usize, 3, 8, 24, 100, 5000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each block is freed once with its own layout.
                unsafe {
                    let p = MiMalloc.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    let p = MiMalloc.realloc(p, layout, size * 3);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "realloc {size}/{align}"
                    );
                    MiMalloc.dealloc(p, Layout::from_size_align(size * 3, align).unwrap());
                    let z = MiMalloc.alloc_zeroed(layout);
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|b| *b == 0));
                    MiMalloc.dealloc(z, layout);
                }
            }
        }
    }
}
