//! Spanmark: annotate news articles with code-point-exact spans.
//!
//! Layers, each using only those below it: [`model`] (pure data and offset
//! conversion) and [`shown`] (how values appear in messages); [`edit`] (undoable
//! edits and history), [`suggest`] (detectors) and [`article`] (reading article
//! files); [`store`] (the RON project file) and [`formats`] (exports and imports);
//! [`agree`] (agreement between coders, assigning and merging their files),
//! [`diff`] and [`merge3`] (what changed between project files, and git's three-way
//! merge); [`session`] (the open project: typed commands, and the one door through which every
//! change goes); [`ui`] (the window's panels, which read the session and emit
//! commands); [`app`] (the eframe shell: files, prompts, autosave); [`cli`] (the
//! subcommands). The binary in `main.rs` only dispatches.

pub mod agree;
pub mod app;
pub mod article;
pub mod cli;
pub mod corpus;
pub mod diff;
pub mod edit;
pub mod fixture;
pub mod formats;
pub mod merge3;
pub mod model;
pub mod report;
pub mod session;
pub mod shown;
pub mod store;
pub mod suggest;
pub mod ui;
