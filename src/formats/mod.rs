//! Exports and imports, one file per external format, each with its own wire structs
//! apart from the model. Every export is built once as [`json::ExportFile`], checked by
//! [`json::verify`] against the texts, and only then rendered in the chosen format.

pub mod brat;
pub mod claim_review;
pub mod claims_csv;
pub mod csv;
pub mod desk;
pub mod doccano;
pub mod import;
pub mod json;
pub mod jsonl;
pub mod label_studio;
pub mod provenance;
pub mod report;
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
    /// doccano's JSONL with grapheme-cluster offsets, for projects set to count them.
    DoccanoGraphemes,
    /// spaCy-ready JSONL (`spans: {sc: …}`, code points).
    Spacy,
    /// Label Studio tasks (code points, as its editor counts).
    LabelStudio,
    /// W3C Web Annotation (JSON-LD), code points.
    W3c,
    /// brat standoff: `NAME.txt` and `NAME.ann` per document, into a folder.
    Brat,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 9] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Doccano,
        ExportFormat::DoccanoGraphemes,
        ExportFormat::Spacy,
        ExportFormat::LabelStudio,
        ExportFormat::W3c,
        ExportFormat::Brat,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Csv => "csv",
            ExportFormat::Doccano => "doccano",
            ExportFormat::DoccanoGraphemes => "doccano-graphemes",
            ExportFormat::Spacy => "spacy",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::W3c => "w3c",
            ExportFormat::Brat => "brat",
        }
    }

    /// What the format is, in one line (the command line's help).
    pub fn help(self) -> &'static str {
        match self {
            ExportFormat::Json => {
                "spanmark's JSON: every span with code-point, UTF-16 and byte offsets"
            }
            ExportFormat::Jsonl => "one JSON document per line",
            ExportFormat::Csv => "one span per row, for spreadsheets",
            ExportFormat::Doccano => "doccano JSONL (UTF-16 offsets)",
            ExportFormat::DoccanoGraphemes => {
                "doccano JSONL with grapheme-cluster offsets, for doccano projects set to count them"
            }
            ExportFormat::Spacy => "spaCy-ready JSONL (code points)",
            ExportFormat::LabelStudio => "Label Studio tasks (code points, as its editor counts)",
            ExportFormat::W3c => "W3C Web Annotation (JSON-LD)",
            ExportFormat::Brat => {
                "brat standoff: NAME.txt and NAME.ann per document, into the folder given by -o"
            }
        }
    }

    /// The format's name in menus.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Json => "JSON",
            ExportFormat::Jsonl => "JSONL",
            ExportFormat::Csv => "CSV",
            ExportFormat::Doccano => "doccano JSONL",
            ExportFormat::DoccanoGraphemes => "doccano JSONL (grapheme offsets)",
            ExportFormat::Spacy => "spaCy JSONL",
            ExportFormat::LabelStudio => "Label Studio JSON",
            ExportFormat::W3c => "W3C Web Annotations",
            ExportFormat::Brat => "brat standoff (folder)",
        }
    }

    /// Does the format carry relations between spans? CSV writes them to a second
    /// file, so only where it writes to a file ([`write_export`]).
    pub fn has_relations(self) -> bool {
        matches!(
            self,
            ExportFormat::Json
                | ExportFormat::Jsonl
                | ExportFormat::Brat
                | ExportFormat::LabelStudio
                | ExportFormat::Doccano
                | ExportFormat::DoccanoGraphemes
                | ExportFormat::W3c
                | ExportFormat::Csv
        )
    }

    /// Does the format write a folder of files rather than one file?
    pub fn is_folder(self) -> bool {
        matches!(self, ExportFormat::Brat)
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Doccano | ExportFormat::DoccanoGraphemes | ExportFormat::Spacy => "jsonl",
            ExportFormat::LabelStudio | ExportFormat::W3c => "json",
            ExportFormat::Brat => "",
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
    #[error("brat writes a .txt and an .ann file per document: give a folder")]
    NeedsFolder,
}

/// What an export wrote.
#[derive(Debug)]
pub struct Written {
    pub documents: usize,
    pub spans: usize,
    /// Relations written (none for a format without them).
    pub relations: usize,
    /// What the user of the export should know (see [`export_notes`]).
    pub notes: Vec<String>,
}

#[derive(Debug, Error)]
pub enum WriteError {
    /// The project cannot be written in the format; the path is where it was to go.
    #[error("{source}: {path}")]
    Refused { source: FormatError, path: String },
    #[error("cannot write export ({source}): {path}")]
    Write {
        source: std::io::Error,
        path: String,
    },
    /// A file of a folder export could not be written; the message names it.
    #[error("{0}")]
    Files(String),
}

/// What the user of an export in `format` should know about it (doccano: documents
/// with overlapping spans, which a default doccano project drops).
/// A format without relations says how many it dropped; CSV, which writes relations
/// to a second file only beside a file, that they need one (for output to stdout).
pub fn export_notes(project: &Project, format: ExportFormat) -> Vec<String> {
    let mut notes = notes_without_csv_relations(project, format);
    let relations = project.relation_count();
    if relations > 0 && format == ExportFormat::Csv {
        notes.push(format!(
            "{relations} {} not in the CSV on stdout: give -o FILE.csv to have them written to FILE.relations.csv",
            if relations == 1 { "relation is" } else { "relations are" }
        ));
    }
    notes
}

/// [`export_notes`] but CSV's note on its relations file.
fn notes_without_csv_relations(project: &Project, format: ExportFormat) -> Vec<String> {
    let mut notes = match format {
        ExportFormat::Doccano | ExportFormat::DoccanoGraphemes => {
            doccano::notes(&json::build(project))
        }
        _ => Vec::new(),
    };
    let relations = project.relation_count();
    if relations > 0 && !format.has_relations() {
        notes.push(format!(
            "{relations} {} not exported: {} has no relations",
            if relations == 1 {
                "relation was"
            } else {
                "relations were"
            },
            format.title()
        ));
    }
    notes
}

/// Writes `project` in `format` to `path` (atomically; brat: a folder of files, made
/// if missing; CSV: its relations, if any, to a second file beside it,
/// [`csv::relations_path`]), after checking every span against its text. The window and
/// `spanmark export -o` both write through here.
pub fn write_export(
    project: &Project,
    format: ExportFormat,
    path: &std::path::Path,
) -> Result<Written, WriteError> {
    let shown = || path.display().to_string();
    let export = json::build(project);
    let refused = |source: FormatError| WriteError::Refused {
        source,
        path: shown(),
    };
    json::verify(&export).map_err(|err| refused(err.into()))?;
    let mut notes = notes_without_csv_relations(project, format);
    if format.is_folder() {
        brat::write_files(&export, path).map_err(WriteError::Files)?;
    } else {
        let bytes = render(&export, format).map_err(refused)?;
        crate::store::write_atomic(path, &bytes, false).map_err(|source| WriteError::Write {
            source,
            path: shown(),
        })?;
    }
    let relations = export.relation_count();
    if format == ExportFormat::Csv && relations > 0 {
        let beside = csv::relations_path(path);
        let bytes = csv::render_relations(&export).map_err(|err| WriteError::Refused {
            source: err.into(),
            path: beside.display().to_string(),
        })?;
        crate::store::write_atomic(&beside, &bytes, false).map_err(|source| WriteError::Write {
            source,
            path: beside.display().to_string(),
        })?;
        notes.push(format!(
            "{relations} {} written to {}",
            if relations == 1 {
                "relation"
            } else {
                "relations"
            },
            beside.display()
        ));
    }
    Ok(Written {
        documents: project.documents().len(),
        spans: project.span_count(),
        relations: if format.has_relations() {
            project.relation_count()
        } else {
            0
        },
        notes,
    })
}

/// The project in `format` (a one-file format), after checking every span against
/// its text.
pub fn export(project: &Project, format: ExportFormat) -> Result<Vec<u8>, FormatError> {
    let export = json::build(project);
    json::verify(&export)?;
    render(&export, format)
}

/// A checked export in `format`.
fn render(export: &json::ExportFile<'_>, format: ExportFormat) -> Result<Vec<u8>, FormatError> {
    Ok(match format {
        ExportFormat::Json => json::render(export),
        ExportFormat::Jsonl => jsonl::render(export),
        ExportFormat::Csv => csv::render(export)?,
        ExportFormat::Doccano => doccano::render(export).map_err(FormatError::Offsets)?,
        ExportFormat::DoccanoGraphemes => {
            doccano::render_graphemes(export).map_err(FormatError::Offsets)?
        }
        ExportFormat::Spacy => spacy::render(export).map_err(FormatError::Offsets)?,
        ExportFormat::LabelStudio => label_studio::render(export).map_err(FormatError::Offsets)?,
        ExportFormat::W3c => w3c::render(export).map_err(FormatError::Offsets)?,
        ExportFormat::Brat => return Err(FormatError::NeedsFolder),
    })
}

/// A document's `meta` object in the JSON-lines and Label Studio exports: its name and
/// SHA-256, then where its article comes from (`url`, `outlet`, `authors`, `published`,
/// `language`, `extra`), the fields that are known.
pub(crate) fn meta_object(
    export: &json::ExportFile<'_>,
    index: usize,
    doc: &json::ExportDocument<'_>,
) -> serde_json::Value {
    let mut meta = serde_json::json!({"name": doc.name, "sha256": doc.sha256});
    if let (Some(source), Some(object)) = (export.meta_of(index), meta.as_object_mut())
        && let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(source)
    {
        object.extend(fields);
    }
    meta
}

/// Where an article comes from, read back from a `meta` object [`meta_object`] wrote
/// (other tools' keys are left alone; fields of the wrong type are ignored).
pub(crate) fn meta_from(value: &serde_json::Value) -> crate::model::ArticleMeta {
    let text = |key: &str| value[key].as_str().map(str::to_owned);
    let authors = value["authors"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let extra = value["extra"]
        .as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    crate::model::ArticleMeta {
        url: text("url"),
        outlet: text("outlet"),
        authors,
        published: text("published"),
        language: text("language"),
        extra,
    }
    .cleaned()
}
