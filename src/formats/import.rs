//! Importing a spanmark JSON export into a project, as one undoable [`Edit`].
//!
//! Documents are matched by SHA-256 and name, else by SHA-256, else by name, each
//! project document at most once per import (so one text under two names stays two
//! documents); a document the project lacks is added with the export's text. Spans are merged without duplicates (same label and range),
//! keep their ids where those are free, and a span whose `text` is not its document's
//! slice at its offsets is reported and skipped. Into a project without documents the
//! export's name and label set are taken over too, so export -> import -> export gives
//! the same file.

use super::json::{self, ExportFile};
use crate::edit::Edit;
use crate::model::label::{FALLBACK_COLOR, is_valid_color, is_valid_label_name};
use crate::model::{CharRange, DocId, Document, Label, Project, Span, SpanId};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("not valid JSON ({0})")]
    Json(#[from] serde_json::Error),
    #[error("not a spanmark export (format is \"{0}\")")]
    NotAnExport(String),
    #[error("export version {0} is newer than this spanmark reads (up to {max})", max = json::VERSION)]
    Newer(u32),
    #[error("offsets are \"{0}\", expected \"{exp}\"", exp = json::OFFSETS)]
    Offsets(String),
}

/// What an import did, for the user.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub documents_added: usize,
    pub documents_matched: usize,
    pub labels_added: usize,
    pub spans_added: usize,
    pub duplicates_skipped: usize,
    /// Spans (and documents) that were skipped or needed a remark, one line each.
    pub problems: Vec<String>,
}

/// The formats imports read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// spanmark's own JSON export.
    Json,
    /// doccano JSONL (UTF-16 offsets).
    Doccano,
    /// spaCy-ready JSONL (code points).
    Spacy,
    /// brat standoff: an .ann file (beside its .txt) or a folder of them.
    Brat,
    /// Label Studio tasks (UTF-16 offsets); predictions become suggestions.
    LabelStudio,
    /// W3C Web Annotations, anchored in the project's documents by name.
    W3c,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 6] = [
        ImportFormat::Json,
        ImportFormat::Doccano,
        ImportFormat::Spacy,
        ImportFormat::LabelStudio,
        ImportFormat::W3c,
        ImportFormat::Brat,
    ];

    /// The format's name in menus.
    pub fn title(self) -> &'static str {
        match self {
            ImportFormat::Json => "spanmark JSON",
            ImportFormat::Doccano => "doccano JSONL",
            ImportFormat::Spacy => "spaCy JSONL",
            ImportFormat::Brat => "brat standoff",
            ImportFormat::LabelStudio => "Label Studio JSON",
            ImportFormat::W3c => "W3C Web Annotations",
        }
    }

    /// The file extensions a file dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ImportFormat::Json | ImportFormat::LabelStudio | ImportFormat::W3c => {
                &["json", "jsonld"]
            }
            ImportFormat::Doccano | ImportFormat::Spacy => &["jsonl", "json"],
            ImportFormat::Brat => &["ann"],
        }
    }
}

/// A span another tool suggested (Label Studio's `predictions`): offered to the user,
/// never merged as a span by itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The SHA-256 of the text it belongs to.
    pub sha256: String,
    pub label: String,
    pub range: CharRange,
    /// The tool's score, 0..=1, where it gave one.
    pub score: Option<f32>,
}

/// A file read for import: the spans to merge, the problems met reading it, and
/// suggestions it carries.
#[derive(Debug)]
pub struct Imported {
    pub file: ExportFile<'static>,
    pub problems: Vec<String>,
    pub predictions: Vec<Prediction>,
}

/// Reads `path` in `format`. W3C annotations are anchored in `project`'s documents.
/// The error is a message without the path (the caller adds it).
pub fn read(format: ImportFormat, path: &Path, project: &Project) -> Result<Imported, String> {
    // brat reads its pairs of files itself (a folder, or an .ann beside its .txt).
    let bytes = || std::fs::read(path).map_err(|err| format!("cannot read ({err})"));
    let cannot = |err: String| format!("cannot import ({err})");
    let (file, problems) = match format {
        ImportFormat::Brat => super::brat::read_files(path, &project.labels).map_err(cannot)?,
        ImportFormat::Json => (
            parse(&bytes()?).map_err(|e| cannot(e.to_string()))?,
            Vec::new(),
        ),
        ImportFormat::Doccano => super::doccano::parse(&bytes()?).map_err(cannot)?,
        ImportFormat::Spacy => super::spacy::parse(&bytes()?).map_err(cannot)?,
        ImportFormat::LabelStudio => {
            return super::label_studio::parse(&bytes()?).map_err(cannot);
        }
        ImportFormat::W3c => super::w3c::parse(&bytes()?, project).map_err(cannot)?,
    };

    Ok(Imported {
        file,
        problems,
        predictions: Vec::new(),
    })
}

/// Parses the bytes of a JSON export, checking its header.
pub fn parse(bytes: &[u8]) -> Result<ExportFile<'static>, ImportError> {
    let export: ExportFile<'static> = serde_json::from_slice(bytes)?;
    if export.format != json::FORMAT {
        return Err(ImportError::NotAnExport(export.format.into_owned()));
    }
    if export.version > json::VERSION {
        return Err(ImportError::Newer(export.version));
    }
    if export.offsets != json::OFFSETS {
        return Err(ImportError::Offsets(export.offsets.into_owned()));
    }
    Ok(export)
}

/// The edit that merges `export` into `project`, and what it will do. Nothing changes
/// until the edit is applied (through a History, so it can be undone). Fresh ids are
/// taken from `project`'s allocators.
pub fn plan(project: &mut Project, export: &ExportFile<'_>) -> (Edit, ImportReport) {
    let mut report = ImportReport::default();
    let mut edits = Vec::new();
    let adopt = project.documents().is_empty();
    let labels = plan_labels(project, export, adopt, &mut edits, &mut report);
    if adopt && project.name != export.project {
        edits.push(Edit::SetProjectName {
            name: export.project.to_string(),
        });
    }

    // Export ids that are free in the project are kept; the rest get fresh ones, above
    // every id kept, so the two never collide.
    let mut kept_ids = HashSet::new();
    for doc in &export.documents {
        for span in &doc.spans {
            if project.span_id_is_free(SpanId(span.id)) && kept_ids.insert(span.id) {
                project.reserve_span_id(SpanId(span.id));
            }
        }
    }
    let mut used_ids = HashSet::new();
    // Documents this import adds, so a second entry for one of them merges into it.
    let mut added: Vec<Document> = Vec::new();
    // Spans per document as they will be, to skip duplicates.
    let mut seen_by_doc: BTreeMap<DocId, HashSet<(String, CharRange)>> = BTreeMap::new();

    // Project documents this import has matched: two export documents with the same
    // text under different names stay two documents.
    let mut used: HashSet<DocId> = HashSet::new();
    for doc in &export.documents {
        let all = || project.documents().iter().chain(&added);
        let found = all()
            .find(|d| d.sha256() == doc.sha256 && d.name == doc.name)
            .or_else(|| all().find(|d| d.sha256() == doc.sha256 && !used.contains(&d.id)))
            .or_else(|| all().find(|d| d.name == doc.name && !used.contains(&d.id)))
            .cloned();
        let target = match found {
            Some(found) => {
                report.documents_matched += 1;
                found
            }
            None => {
                let id = project.allocate_doc_id();
                let document = Document::new(id, &doc.name, doc.text.to_string(), "UTF-8");
                if document.sha256() != doc.sha256 {
                    report.problems.push(format!(
                        "document \"{}\": its sha256 does not match its text; added with the text as given",
                        doc.name
                    ));
                }
                report.documents_added += 1;
                edits.push(Edit::AddDocument {
                    index: usize::MAX,
                    document: Box::new(document.clone()),
                });
                added.push(document.clone());
                document
            }
        };
        let doc_id = target.id;
        used.insert(doc_id);
        let seen = seen_by_doc.entry(doc_id).or_insert_with(|| {
            target
                .spans()
                .iter()
                .map(|s| (s.label.clone(), s.range))
                .collect()
        });
        for span in &doc.spans {
            let range = CharRange::new(span.start, span.end);
            let at = format!("document \"{}\", span {}", doc.name, span.id);
            if span.start >= span.end {
                report
                    .problems
                    .push(format!("{at}: empty or reversed range {range}; skipped"));
                continue;
            }
            match target.slice(range) {
                None => {
                    report.problems.push(format!(
                        "{at}: range {range} is outside the text ({} characters); skipped",
                        target.len_chars()
                    ));
                    continue;
                }
                Some(slice) if slice != span.text => {
                    report.problems.push(format!(
                        "{at}: its text {:?} is not the document's {:?} at {range}; skipped",
                        span.text, slice
                    ));
                    continue;
                }
                Some(_) => {}
            }
            if !labels.contains(span.label.as_ref()) {
                report.problems.push(format!(
                    "{at}: label \"{}\" is not usable; skipped",
                    span.label
                ));
                continue;
            }
            if !seen.insert((span.label.to_string(), range)) {
                report.duplicates_skipped += 1;
                continue;
            }
            let id = if kept_ids.contains(&span.id) && used_ids.insert(span.id) {
                SpanId(span.id)
            } else {
                project.allocate_span_id()
            };
            let mut new = Span::new(id, &span.label, range);
            new.note = span.note.as_deref().map(str::to_owned);
            new.attributes = span.attributes.clone().into_owned();
            edits.push(Edit::AddSpan {
                doc: doc_id,
                span: new,
            });
            report.spans_added += 1;
        }
    }
    (Edit::Batch(edits), report)
}

/// Label edits for the import; returns the names that will exist afterwards.
fn plan_labels(
    project: &Project,
    export: &ExportFile<'_>,
    adopt: bool,
    edits: &mut Vec<Edit>,
    report: &mut ImportReport,
) -> HashSet<String> {
    let mut names: HashSet<String> = project.labels.iter().map(|l| l.name.clone()).collect();
    let usable = |name: &str, color: &str| {
        let color = if is_valid_color(color) {
            color
        } else {
            FALLBACK_COLOR
        };
        is_valid_label_name(name).then(|| color.to_owned())
    };
    if adopt && !export.labels.is_empty() {
        // The project has no spans yet: its label set becomes the export's, keeping the
        // keys and attributes of labels it already had.
        for label in project.labels.iter() {
            edits.push(Edit::RemoveLabel {
                name: label.name.clone(),
            });
        }
        names.clear();
        for label in &export.labels {
            let Some(color) = usable(&label.name, &label.color) else {
                continue;
            };
            if !names.insert(label.name.to_string()) {
                continue;
            }
            let mut new = project
                .labels
                .get(&label.name)
                .cloned()
                .unwrap_or_else(|| Label::new(&label.name, &color, None, &[]));
            new.color = color;
            edits.push(Edit::AddLabel {
                index: usize::MAX,
                label: new,
            });
        }
    }
    let colors: BTreeMap<&str, &str> = export
        .labels
        .iter()
        .map(|l| (l.name.as_ref(), l.color.as_ref()))
        .collect();
    for doc in &export.documents {
        for span in &doc.spans {
            if names.contains(span.label.as_ref()) {
                continue;
            }
            let color = colors
                .get(span.label.as_ref())
                .copied()
                .unwrap_or(FALLBACK_COLOR);
            if let Some(color) = usable(&span.label, color) {
                names.insert(span.label.to_string());
                report.labels_added += 1;
                let label = Label::new(&span.label, &color, None, &[]);
                edits.push(Edit::AddLabel {
                    index: usize::MAX,
                    label,
                });
            }
        }
    }
    names
}
