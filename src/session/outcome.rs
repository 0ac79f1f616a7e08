//! What the session's larger changes did, for the window's messages and the command
//! line's output.

use std::path::PathBuf;

/// What adding articles did.
#[derive(Debug, Default)]
pub struct AddedArticles {
    pub added: usize,
    /// Articles whose text the project already had (or that came twice), not added.
    pub skipped: Vec<PathBuf>,
}

/// What accepting confident suggestions did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Accepted {
    pub added: usize,
    /// Already tagged with that label and range.
    pub already_there: usize,
    /// Rejected by the user before.
    pub rejected: usize,
}
