//! A problem found in a project file, with the document and span it concerns: what
//! loading reports when it refuses a file (see [`super::validate`] and [`super::schema`]).

use crate::shown::quoted;
use std::fmt;

/// One thing wrong in a project file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub document: Option<String>,
    pub span: Option<u64>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.document, self.span) {
            (Some(doc), Some(span)) => write!(f, "document {}, span {span}: ", quoted(doc))?,
            (Some(doc), None) => write!(f, "document {}: ", quoted(doc))?,
            (None, Some(span)) => write!(f, "span {span}: ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// A problem at a document (by name) and span (by id), either optional.
pub(super) fn problem(document: Option<&str>, span: Option<u64>, message: String) -> Problem {
    Problem {
        document: document.map(str::to_owned),
        span,
        message,
    }
}
