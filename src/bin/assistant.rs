//! The page: the assistant for every platform, in one build.

fn main() {
    #[cfg(target_arch = "wasm32")]
    smarthost_assistant::ui::mount();
}

// A small free-list allocator instead of the default dlmalloc: 3.4 KB less to download
// (gzipped), measured. lol_alloc calls itself a learning project, and a free walks the free
// list, so its cost grows with the number of free blocks; the page's heap stays small, and
// scripts/bench.mjs measures the keystroke latency that would show it.
// SAFETY: `AssumeSingleThreaded` is sound only where one thread allocates. The app's wasm
// is built without the atomics feature, so it runs on the page's one thread and nothing
// else can reach this allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
