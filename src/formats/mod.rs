//! Exports and imports, one file per external format, each with its own wire structs
//! apart from the model. Every export is built once as [`json::ExportFile`], checked by
//! [`json::verify`] against the texts, and only then rendered in the chosen format.

pub mod csv;
pub mod import;
pub mod json;
pub mod jsonl;

use crate::model::Project;
use thiserror::Error;

/// The formats `spanmark export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Json, ExportFormat::Jsonl, ExportFormat::Csv];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.name()
    }
}

#[derive(Debug, Error)]
pub enum FormatError {
    #[error("export refused: {0}")]
    Refused(#[from] json::ExportError),
    #[error("cannot write CSV ({0})")]
    Csv(#[from] ::csv::Error),
}

/// The project in `format`, after checking every span against its text.
pub fn export(project: &Project, format: ExportFormat) -> Result<Vec<u8>, FormatError> {
    let export = json::build(project);
    json::verify(&export)?;
    Ok(match format {
        ExportFormat::Json => json::render(&export),
        ExportFormat::Jsonl => jsonl::render(&export),
        ExportFormat::Csv => csv::render(&export)?,
    })
}
