//! The smarthost assistant: `domain` is plain Rust (settings, validation, the checklists,
//! the generators, persistence) and tested natively; `ui` renders it with Yew in the browser.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod ui;

// A small free-list allocator instead of the default dlmalloc: 3.4 KB less to download
// (gzipped), and the page's heap stays small enough for a list to be quick.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
