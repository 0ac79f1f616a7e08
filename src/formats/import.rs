//! Importing a spanmark JSON export into a project, as one undoable [`Edit`].
//!
//! Documents are matched by SHA-256 and name, else by SHA-256, else by name, each
//! project document at most once per import (so one text under two names stays two
//! documents); a document the project lacks is added with the export's text. Spans
//! are merged without duplicates (same label and range), keep their ids where those
//! are free and below [`MAX_IMPORTED_ID`] (a larger one would leave the allocator no
//! room), and a span whose `text` is not its document's slice at its offsets is
//! reported and skipped. Problems quote the file's values shortened, on one line. Into a project without documents the
//! export's name, label set and relation types are taken over too, so export -> import
//! -> export gives the same file. Relations come last, their ends mapped to the spans
//! the import added or to the identical spans already there ([`relations`]).

use super::json::{self, ExportFile};
use crate::edit::Edit;
use crate::model::{CharRange, DocId, Document, MAX_IMPORTED_ID, Project, Span, SpanId};
use crate::shown::quoted;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    /// serde_json's message can quote a value of the file: it is shown shortened.
    #[error("not valid JSON ({})", crate::shown::library_message(&.0.to_string()))]
    Json(#[from] serde_json::Error),
    #[error("not a spanmark export (format is {})", quoted(.0))]
    NotAnExport(String),
    #[error("export version {0} is newer than this spanmark reads (up to {max})", max = json::VERSION)]
    Newer(u32),
    #[error("offsets are {}, expected \"{exp}\"", quoted(.0), exp = json::OFFSETS)]
    Offsets(String),
}

pub use super::report::{Findings, ImportReport, Imported, Prediction, Skip};

/// The formats imports read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// spanmark's own JSON export (or its JSONL).
    Json,
    /// doccano JSONL (UTF-16 offsets).
    Doccano,
    /// doccano JSONL with grapheme-cluster offsets (a project set to count them).
    DoccanoGraphemes,
    /// spaCy-ready JSONL (code points).
    Spacy,
    /// brat standoff: an .ann file (beside its .txt) or a folder of them.
    Brat,
    /// Label Studio JSON or JSON-MIN (code points); predictions become suggestions.
    LabelStudio,
    /// W3C Web Annotations, anchored in the project's documents by name.
    W3c,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 7] = [
        ImportFormat::Json,
        ImportFormat::Doccano,
        ImportFormat::DoccanoGraphemes,
        ImportFormat::Spacy,
        ImportFormat::LabelStudio,
        ImportFormat::W3c,
        ImportFormat::Brat,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::Json => "json",
            ImportFormat::Doccano => "doccano",
            ImportFormat::DoccanoGraphemes => "doccano-graphemes",
            ImportFormat::Spacy => "spacy",
            ImportFormat::Brat => "brat",
            ImportFormat::LabelStudio => "label-studio",
            ImportFormat::W3c => "w3c",
        }
    }

    /// What the format is, in one line (the command line's help).
    pub fn help(self) -> &'static str {
        match self {
            ImportFormat::Json => "spanmark's own JSON (or JSONL) export",
            ImportFormat::Doccano => "doccano JSONL (UTF-16 offsets)",
            ImportFormat::DoccanoGraphemes => {
                "doccano JSONL with grapheme-cluster offsets (a project set to count them)"
            }
            ImportFormat::Spacy => "spaCy-ready JSONL (code points)",
            ImportFormat::Brat => {
                "brat standoff: an .ann file (beside its .txt) or a folder of them"
            }
            ImportFormat::LabelStudio => {
                "Label Studio JSON or JSON-MIN (code points); predictions become suggestions"
            }
            ImportFormat::W3c => "W3C Web Annotations, anchored in the project's documents by name",
        }
    }

    /// The format's name in menus.
    pub fn title(self) -> &'static str {
        match self {
            ImportFormat::Json => "spanmark JSON",
            ImportFormat::Doccano => "doccano JSONL",
            ImportFormat::DoccanoGraphemes => "doccano JSONL (grapheme offsets)",
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
            ImportFormat::Doccano | ImportFormat::DoccanoGraphemes | ImportFormat::Spacy => {
                &["jsonl", "json"]
            }
            ImportFormat::Brat => &["ann"],
        }
    }
}

/// How to read a file beyond its format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Label Studio: the task field holding the text (the labeling config's
    /// `$variable`); `text` when not given.
    pub text_field: Option<String>,
}

/// Reads `path` in `format`. W3C annotations are anchored in `project`'s documents.
/// The error is a message without the path (the caller adds it).
pub fn read(
    format: ImportFormat,
    path: &Path,
    project: &Project,
    options: &ReadOptions,
) -> Result<Imported, String> {
    // brat reads its pairs of files itself (a folder, or an .ann beside its .txt).
    let bytes = || {
        std::fs::read(path).map_err(|err| format!("cannot read ({})", crate::shown::io_error(&err)))
    };
    let cannot = |err: String| format!("cannot import ({err})");
    let mut imported = match format {
        ImportFormat::Brat => {
            super::brat::read_files(path, &project.labels, &project.relation_types).map_err(cannot)
        }
        ImportFormat::Json => Ok(Imported::clean(
            parse(&bytes()?).map_err(|e| cannot(e.to_string()))?,
        )),
        ImportFormat::Doccano => super::doccano::parse(&bytes()?).map_err(cannot),
        ImportFormat::DoccanoGraphemes => {
            super::doccano::parse_graphemes(&bytes()?).map_err(cannot)
        }
        ImportFormat::Spacy => super::spacy::parse(&bytes()?).map_err(cannot),
        ImportFormat::LabelStudio => {
            super::label_studio::parse(&bytes()?, options.text_field.as_deref()).map_err(cannot)
        }
        ImportFormat::W3c => super::w3c::parse(&bytes()?, project).map_err(cannot),
    }?;
    imported.format = format.name();
    super::label_studio::relations::fill_types(&mut imported.file, project);
    Ok(imported)
}

/// [`plan`] for a file read by [`read`]: the report counts what reading it left out
/// too, so its counts add up to every span item of the file.
pub fn plan_imported(project: &Project, imported: &Imported) -> (Edit, ImportReport) {
    let (edit, mut report) = plan(project, &imported.file);
    let planned = std::mem::take(&mut report.found);
    report.found = imported.found.clone();
    report.found.merge(planned);
    (edit, report)
}

/// Parses the bytes of a JSON export, checking its header, or of a JSONL export.
pub fn parse(bytes: &[u8]) -> Result<ExportFile<'static>, ImportError> {
    let export: ExportFile<'static> = match serde_json::from_slice(bytes) {
        Ok(export) => export,
        // spanmark's JSONL: the same documents, one per line.
        Err(err) => return super::jsonl::parse(bytes).ok_or(ImportError::Json(err)),
    };
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
/// until the edit is applied (through a History, so it can be undone), which also
/// advances the project's id allocators past the ids it uses.
///
/// Linear in the export and the project: documents are matched through hash maps, and
/// each document's new spans come sorted, so applying them appends.
pub fn plan(project: &Project, export: &ExportFile<'_>) -> (Edit, ImportReport) {
    let mut report = ImportReport::default();
    let mut edits = Vec::new();
    let adopt = project.documents().is_empty();
    let mut labels = schema::plan_labels(project, export, adopt, &mut edits, &mut report);
    let relation_types =
        schema::plan_relation_types(project, export, adopt, &mut labels, &mut edits, &mut report);
    let mut relations = relations::Planner::new(relation_types, ids_for_relations(project));
    if adopt && project.name != export.project {
        edits.push(Edit::SetProjectName {
            name: export.project.to_string(),
        });
    }

    // Export ids that are free in the project and small enough are kept; the rest get
    // fresh ones, above every id kept, so the two never collide. Small enough: below
    // `MAX_IMPORTED_ID`, so the allocator is left room and its next id (one above the
    // largest kept) is still one a project file may hold.
    let mut ids = project.fresh_ids();
    let mut kept_ids = HashSet::new();
    for doc in &export.documents {
        for span in &doc.spans {
            if span.id < MAX_IMPORTED_ID
                && project.span_id_is_free(SpanId(span.id))
                && kept_ids.insert(span.id)
            {
                ids.reserve_span(SpanId(span.id));
            }
        }
    }
    let mut used_ids = HashSet::new();

    // The documents an export document may merge into: the project's (slots
    // `0..existing`), then those this import adds (so a second entry for one of them
    // merges into it), each at most once per import.
    let existing = project.documents().len();
    let mut candidates = Candidates::default();
    for (slot, d) in project.documents().iter().enumerate() {
        candidates.add(slot, d.sha256(), &d.name);
    }
    let mut added: Vec<Document> = Vec::new();
    // Where each added document's `AddDocument` goes in `edits` (filled in at the end,
    // so the document is not copied).
    let mut added_at: Vec<usize> = Vec::new();
    // Spans per document as they will be, to skip duplicates and find relation ends
    // (the id is `None` until a new span gets its id).
    let mut seen_by_doc: HashMap<DocId, HashMap<(String, CharRange), Option<SpanId>>> =
        HashMap::new();

    for (doc_index, doc) in export.documents.iter().enumerate() {
        let found = candidates.find(&doc.sha256, &doc.name);
        let slot = match found {
            Some(slot) => {
                report.documents_matched += 1;
                slot
            }
            None => {
                let id = ids.doc();
                let mut document = Document::new(id, &doc.name, doc.text.to_string(), "UTF-8");
                if let Some(meta) = export.meta_of(doc_index) {
                    document.meta = meta.clone();
                }
                if document.sha256() != doc.sha256 {
                    report.found.remark(
                        &format!("document {}", quoted(&doc.name)),
                        "its sha256 does not match its text; added with the text as given",
                    );
                }
                report.documents_added += 1;
                added_at.push(edits.len());
                edits.push(Edit::Batch(Vec::new()));
                let slot = existing + added.len();
                candidates.add(slot, document.sha256(), &document.name);
                added.push(document);
                slot
            }
        };
        candidates.used(slot);
        let target = match slot.checked_sub(existing) {
            None => &project.documents()[slot],
            Some(i) => &added[i],
        };
        let doc_id = target.id;
        let seen = seen_by_doc.entry(doc_id).or_insert_with(|| {
            target
                .spans()
                .iter()
                .map(|s| ((s.label.clone(), s.range), Some(s.id)))
                .collect()
        });
        // The file's span ids, to what they are in the project: (label, range).
        let mut ends: HashMap<u64, (String, CharRange)> = HashMap::new();
        // The spans to add, `None` for those that need a fresh id.
        let mut new_spans: Vec<(Option<SpanId>, Span)> = Vec::new();
        report.found.items += doc.spans.len();
        for span in &doc.spans {
            let range = CharRange::new(span.start, span.end);
            let at = || format!("document {}, span {}", quoted(&doc.name), span.id);
            if span.start >= span.end {
                let what = format!("empty or reversed range {range}");
                report.found.skip(Skip::OutOfRange, &at(), &what);
                continue;
            }
            match target.slice(range) {
                None => {
                    let what = format!(
                        "range {range} is outside the text ({} characters)",
                        target.len_chars()
                    );
                    report.found.skip(Skip::OutOfRange, &at(), &what);
                    continue;
                }
                Some(slice) if slice != span.text => {
                    let what = format!(
                        "its text {} is not the document's {} at {range}",
                        quoted(&span.text),
                        quoted(slice)
                    );
                    report.found.skip(Skip::TextMismatch, &at(), &what);
                    continue;
                }
                Some(_) => {}
            }
            if !labels.contains(span.label.as_ref()) {
                let what = format!("label {} is not usable", quoted(&span.label));
                report.found.skip(Skip::UnknownLabel, &at(), &what);
                continue;
            }
            let key = (span.label.to_string(), range);
            ends.entry(span.id).or_insert_with(|| key.clone());
            if seen.contains_key(&key) {
                report.found.skip(Skip::Duplicate, &at(), "duplicate");
                continue;
            }
            seen.insert(key, None);
            let id = (kept_ids.contains(&span.id) && used_ids.insert(span.id))
                .then_some(SpanId(span.id));
            let mut new = Span::new(id.unwrap_or(SpanId(0)), &span.label, range);
            new.note = span.note.as_deref().map(str::to_owned);
            new.attributes = span.attributes.clone().into_owned();
            if let Some(p) = &span.provenance {
                match p.to_model() {
                    Ok(p) => new.provenance = Some(Box::new(p)),
                    Err(why) => report.found.remark(&at(), &format!("{why}; left out")),
                }
            }
            new_spans.push((id, new));
        }
        // Fresh ids in the order of the export, then the spans in the document's
        // order: added one by one, each goes at the end of the list.
        let mut spans: Vec<Span> = new_spans
            .into_iter()
            .map(|(id, mut span)| {
                span.id = id.unwrap_or_else(|| ids.span());
                span
            })
            .collect();
        spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        for span in &spans {
            seen.insert((span.label.clone(), span.range), Some(span.id));
        }
        let span_of = |id: u64| {
            ends.get(&id)
                .and_then(|key| seen.get(key).copied().flatten())
        };
        relations.plan_document(
            target,
            &doc.name,
            export.relations_of(doc_index),
            span_of,
            &mut report,
        );
        report.spans_added += spans.len();
        edits.extend(
            spans
                .into_iter()
                .map(|span| Edit::AddSpan { doc: doc_id, span }),
        );
    }
    for (at, document) in added_at.into_iter().zip(added) {
        edits[at] = Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        };
    }
    // After every span (and document) they link.
    edits.extend(relations.into_edits());
    (Edit::Batch(edits), report)
}

/// Ids for the relations an import adds (its own counter, apart from span ids).
fn ids_for_relations(project: &Project) -> crate::model::FreshIds {
    project.fresh_ids()
}

/// The documents an import may merge into, by slot (see [`plan`]): found by SHA-256
/// and name, else by SHA-256, else by name, each at most once per import, in O(1)
/// amortised per lookup.
#[derive(Default)]
struct Candidates {
    /// The first slot of each (SHA-256, name), used or not.
    by_both: HashMap<(String, String), usize>,
    /// The slots of each SHA-256 and each name, in order, with how many of the first
    /// ones are known to be used (a slot once used stays used).
    by_sha: HashMap<String, (Vec<usize>, usize)>,
    by_name: HashMap<String, (Vec<usize>, usize)>,
    used: Vec<bool>,
}

impl Candidates {
    /// Adds the document at `slot`, the next slot.
    fn add(&mut self, slot: usize, sha256: &str, name: &str) {
        self.by_both
            .entry((sha256.to_owned(), name.to_owned()))
            .or_insert(slot);
        self.by_sha
            .entry(sha256.to_owned())
            .or_default()
            .0
            .push(slot);
        self.by_name
            .entry(name.to_owned())
            .or_default()
            .0
            .push(slot);
        self.used.push(false);
    }

    fn used(&mut self, slot: usize) {
        self.used[slot] = true;
    }

    fn find(&mut self, sha256: &str, name: &str) -> Option<usize> {
        fn first_unused(list: Option<&mut (Vec<usize>, usize)>, used: &[bool]) -> Option<usize> {
            let (slots, skip) = list?;
            while slots.get(*skip).is_some_and(|&s| used[s]) {
                *skip += 1;
            }
            slots.get(*skip).copied()
        }
        self.by_both
            .get(&(sha256.to_owned(), name.to_owned()))
            .copied()
            .or_else(|| first_unused(self.by_sha.get_mut(sha256), &self.used))
            .or_else(|| first_unused(self.by_name.get_mut(name), &self.used))
    }
}

mod relations;
mod schema;
#[cfg(test)]
mod tests;
