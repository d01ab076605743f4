//! Load: turn discovered files into the documents policies receive, one per root module.

pub mod document;
pub mod terraform;

pub use document::{Document, Resource};
