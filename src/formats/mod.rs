//! Exports and imports, one file per external format, each with its own wire structs
//! apart from the model. Every export is built once as [`json::ExportFile`], checked by
//! [`json::verify`] against the texts, and only then rendered in the chosen format.

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod import;
pub mod json;
pub mod jsonl;
pub mod label_studio;
pub mod spacy;
mod spans_jsonl;
pub mod w3c;

use crate::model::Project;
use thiserror::Error;

/// The formats `spanmark export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Jsonl,
    Csv,
    /// doccano's JSONL (UTF-16 offsets).
    Doccano,
    /// spaCy-ready JSONL (`spans: {sc: …}`, code points).
    Spacy,
    /// Label Studio tasks (UTF-16 offsets).
    LabelStudio,
    /// W3C Web Annotation (JSON-LD), code points.
    W3c,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Doccano,
        ExportFormat::Spacy,
        ExportFormat::LabelStudio,
        ExportFormat::W3c,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Spacy => "spacy",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::W3c => "w3c",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Doccano | ExportFormat::Spacy => "jsonl",
            ExportFormat::LabelStudio | ExportFormat::W3c => "json",
            other => other.name(),
        }
    }
}

#[derive(Debug, Error)]
pub enum FormatError {
    #[error("export refused: {0}")]
    Refused(#[from] json::ExportError),
    #[error("cannot write CSV ({0})")]
    Csv(#[from] ::csv::Error),
    #[error("export refused: {0}")]
    Offsets(String),
}

/// The project in `format`, after checking every span against its text.
pub fn export(project: &Project, format: ExportFormat) -> Result<Vec<u8>, FormatError> {
    let export = json::build(project);
    json::verify(&export)?;
    Ok(match format {
        ExportFormat::Json => json::render(&export),
        ExportFormat::Jsonl => jsonl::render(&export),
        ExportFormat::Csv => csv::render(&export)?,
        ExportFormat::Doccano => doccano::render(&export).map_err(FormatError::Offsets)?,
        ExportFormat::Spacy => spacy::render(&export).map_err(FormatError::Offsets)?,
        ExportFormat::LabelStudio => label_studio::render(&export).map_err(FormatError::Offsets)?,
        ExportFormat::W3c => w3c::render(&export).map_err(FormatError::Offsets)?,
    })
}
