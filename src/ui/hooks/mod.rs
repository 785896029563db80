//! The app's effects, each a custom hook that the root component calls: they cost no
//! component of their own, and each lives by what it serves.

pub mod address;
pub mod focus;
pub mod persistence;
pub mod print;
pub mod shared_link;
pub mod take_over;
pub mod tools;
