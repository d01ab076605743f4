//! Load: turn discovered files into the documents policies receive, one per root module, plan,
//! template or manifest set.

pub mod cloudformation;
pub mod document;
pub mod index;
pub mod inputs;
pub mod kubernetes;
pub mod plan;
pub mod terraform;

pub use document::{Document, Resource};
