//! The memory allocator: jemalloc in place of the system's, for Rust code
//! and for tree-sitter.
//!
//! Parsing allocates and frees a node at a time, and on 300 scripts of the
//! all-Qualys benchmark tree glibc's malloc and free took about an eighth
//! of the instructions. jemalloc's thread caches make those calls cheaper, which
//! takes about 5% off the wall time on the 100k tree. Where jemalloc is not
//! built, the system allocator stays.

#[cfg(all(
    any(target_os = "linux", target_os = "macos"),
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
mod jemalloc {
    use std::ffi::c_char;

    use tikv_jemallocator::Jemalloc;

    #[global_allocator]
    static GLOBAL: Jemalloc = Jemalloc;

    /// A pointer to jemalloc's settings string, which jemalloc reads from
    /// the symbol `malloc_conf` (`_rjem_malloc_conf` in this build, whose
    /// names carry a prefix) when it starts.
    #[repr(transparent)]
    pub struct Settings(*const c_char);

    // SAFETY: the pointer is to a constant string, which nothing writes.
    unsafe impl Sync for Settings {}

    /// One arena for all threads, and thread caches for blocks up to 4 KiB.
    /// jemalloc's defaults, four arenas per core and caches up to 32 KiB,
    /// raised peak memory from 16 to 25 MiB on the 100k benchmark tree and
    /// from 25 to 30 MiB on the all-Qualys one, for no measurable speed.
    ///
    /// Freed pages go back to the system ten seconds after their last use,
    /// jemalloc's default. After one second, eight dense scripts took a
    /// third longer, and peak memory on the trees was no lower.
    #[unsafe(export_name = "_rjem_malloc_conf")]
    pub static SETTINGS: Settings =
        Settings(c"narenas:1,tcache_max:4096,dirty_decay_ms:10000,muzzy_decay_ms:0".as_ptr());

    /// Hands tree-sitter jemalloc's functions.
    ///
    /// # Safety
    ///
    /// No tree-sitter parser, tree or cursor may exist yet, because memory
    /// allocated by one allocator must not be freed by the other, and no
    /// other thread may be running.
    pub unsafe fn use_for_tree_sitter() {
        let allocator = tree_sitter::Allocator {
            malloc: tikv_jemalloc_sys::malloc,
            calloc: tikv_jemalloc_sys::calloc,
            realloc: tikv_jemalloc_sys::realloc,
            free: tikv_jemalloc_sys::free,
        };
        // SAFETY: the caller promises that tree-sitter has allocated
        // nothing yet and that no other thread runs.
        unsafe { tree_sitter::set_allocator(Some(allocator)) };
    }

    #[cfg(test)]
    mod tests {
        use std::ffi::{CStr, c_void};

        /// Returns the value of one of jemalloc's `opt.` settings.
        fn setting<T: Default>(name: &CStr) -> T {
            let mut value = T::default();
            let mut len = size_of::<T>();
            // SAFETY: `value` and `len` describe a writable `T`, the size
            // that jemalloc documents for these settings.
            let status = unsafe {
                tikv_jemalloc_sys::mallctl(
                    name.as_ptr(),
                    (&raw mut value).cast::<c_void>(),
                    &mut len,
                    std::ptr::null_mut(),
                    0,
                )
            };
            assert_eq!(status, 0, "mallctl {name:?} failed");
            value
        }

        #[test]
        fn jemalloc_reads_embedded_settings() {
            assert_eq!(setting::<u32>(c"opt.narenas"), 1);
            assert_eq!(setting::<usize>(c"opt.tcache_max"), 4096);
            assert_eq!(setting::<isize>(c"opt.dirty_decay_ms"), 10_000);
            assert_eq!(setting::<isize>(c"opt.muzzy_decay_ms"), 0);
        }
    }
}

/// Makes tree-sitter allocate with the same allocator as the rest of the
/// program.
///
/// # Safety
///
/// Call it first thing in `main`: no tree-sitter parser, tree or cursor may
/// exist yet, and no other thread may be running.
pub unsafe fn use_for_tree_sitter() {
    #[cfg(all(
        any(target_os = "linux", target_os = "macos"),
        any(target_arch = "x86_64", target_arch = "aarch64")
    ))]
    // SAFETY: the caller makes the same promise.
    unsafe {
        jemalloc::use_for_tree_sitter()
    };
}
