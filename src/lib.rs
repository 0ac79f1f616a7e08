//! Spanmark: annotate news articles with code-point-exact spans.
//!
//! The library holds everything but the window: [`model`] (pure data and offset
//! conversion), [`edit`] (undoable edits and history), [`article`] (reading article
//! files), [`store`] (the RON project file), [`formats`] (exports and imports) and
//! [`cli`] (the subcommands); [`shown`] says how file values and I/O errors appear
//! in messages. The binary in `main.rs` only dispatches.

pub mod app;
pub mod article;
pub mod cli;
pub mod edit;
pub mod fixture;
pub mod formats;
pub mod model;
pub mod session;
pub mod shown;
pub mod store;
pub mod suggest;
pub mod ui;
