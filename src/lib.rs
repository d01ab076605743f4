//! rungs: scan infrastructure as code, evaluate Rego policies with an embedded engine, and roll the
//! results up into maturity levels.
//!
//! The pipeline runs one way: [`discover`] -> [`load`] -> [`evaluate`] -> [`waive`] -> [`score`] ->
//! [`report`], with settings from [`config`].
//! Each stage takes plain data from the one before and returns plain data plus [`diagnostics`].

pub mod aggregate;
pub mod allocator;
pub mod attest;
pub mod baseline;
pub mod check;
pub mod config;
pub mod date;
pub mod diagnostics;
pub mod diff;
pub mod discover;
pub mod embedded;
pub mod evaluate;
#[doc(hidden)]
pub mod fuzzing;
pub mod load;
pub mod model;
pub mod plan;
pub mod policy;
pub mod read;
pub mod report;
pub mod scan;
pub mod scope;
pub mod score;
pub mod source;
pub mod trend;
pub mod vm;
pub mod waive;
