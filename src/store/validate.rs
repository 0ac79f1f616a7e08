//! Turning a parsed project file into a [`Project`], checking everything on the way:
//! labels well-formed and unique, document ids unique, each text matching its SHA-256,
//! every span inside its text, non-empty, with a known label, a unique id and no twin.
//! Each problem names the document and span it concerns; all are reported at once.

use super::file::{DocumentFile, ProjectFile};
pub use super::problem::Problem;
use super::problem::problem;
use crate::model::label::{MAX_LABEL_CHARS, is_valid_color, is_valid_label_name};
use crate::model::{
    CharRange, Confidence, DocId, Document, How, Label, LabelSet, MAX_ID, Project, Provenance,
    Span, SpanId,
};
use crate::shown::quoted;
use std::collections::HashSet;

fn too_large(what: &str, id: u64) -> String {
    format!(
        "{what} {id} is too large (ids go up to {MAX_ID}, the largest JavaScript reads exactly)"
    )
}

/// Builds the project, or lists every problem found.
pub fn into_project(file: ProjectFile<'_>) -> Result<Project, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut project = Project::new(&file.name);
    project.labels = labels_from_file(file.labels, &mut problems);
    project.relation_types = super::schema::relation_types_from_file(
        file.relation_types,
        &project.labels,
        &mut problems,
    );
    if let Some(coder) = &file.coder {
        if crate::model::label::is_valid_label_name(coder) {
            project.coder = Some(coder.to_string());
        } else {
            let message = format!("coder {} is not a usable name", crate::shown::quoted(coder));
            problems.push(problem(None, None, message));
        }
    }
    // A publisher address that is not one loads (nothing is dropped) and is reported
    // by `model::check`, like any value that does not fit.
    project.desk = crate::model::desk::Desk {
        publisher: file.desk.publisher,
        publisher_url: file.desk.publisher_url,
        rated_verdicts: file.desk.rated_verdicts,
    };
    project.next_span_id = file.next_span_id.max(1);
    // The next id may be one past the largest: a project that used them all loads,
    // and only a new span is refused (with a message), never a wrapped id.
    if file.next_span_id > MAX_ID.saturating_add(1) {
        problems.push(problem(
            None,
            None,
            too_large("next_span_id", file.next_span_id),
        ));
    }
    let mut doc_ids = HashSet::new();
    let mut span_ids = HashSet::new();
    let mut relation_ids = HashSet::new();
    let mut documents = Vec::with_capacity(file.documents.len());
    for doc in file.documents {
        if !doc_ids.insert(doc.id) {
            let message = format!("document id {} is used twice", doc.id);
            problems.push(problem(Some(&doc.name), None, message));
        }
        if doc.id == 0 {
            problems.push(problem(
                Some(&doc.name),
                None,
                "document id 0 is not allowed".into(),
            ));
        } else if doc.id > MAX_ID {
            problems.push(problem(
                Some(&doc.name),
                None,
                too_large("document id", doc.id),
            ));
        }
        let ids = Ids {
            spans: &mut span_ids,
            relations: &mut relation_ids,
        };
        if let Some(document) = document_from_file(doc, &project, ids, &mut problems) {
            documents.push(document);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for document in &documents {
        project.reserve_doc_id(document.id);
        if let Some(max) = document.spans().iter().map(|s| s.id).max() {
            project.reserve_span_id(max);
        }
        if let Some(last) = document.relations().last() {
            project.reserve_relation_id(last.id);
        }
    }
    project.next_relation_id = project.next_relation_id.max(file.next_relation_id);
    project.set_documents(documents);
    // A document that is gone is no problem: the window shows the first one instead.
    project.open_document = file
        .open_document
        .map(DocId)
        .filter(|id| project.document(*id).is_some());
    Ok(project)
}

fn labels_from_file(
    labels: Vec<super::file::LabelFile<'_>>,
    problems: &mut Vec<Problem>,
) -> LabelSet {
    let mut names = HashSet::new();
    let mut keys = HashSet::new();
    let mut out = Vec::with_capacity(labels.len());
    for label in labels {
        let name = label.name.into_owned();
        if !is_valid_label_name(&name) {
            problems.push(problem(
                None,
                None,
                format!(
                    "label name {} is not usable (1 to {MAX_LABEL_CHARS} characters, no line breaks, no blanks at either end)",
                    quoted(&name)
                ),
            ));
        }
        if !names.insert(name.clone()) {
            problems.push(problem(
                None,
                None,
                format!("label {} is defined twice", quoted(&name)),
            ));
        }
        if !is_valid_color(&label.color) {
            problems.push(problem(
                None,
                None,
                format!(
                    "label {}: colour {} is not of the form #RRGGBB",
                    quoted(&name),
                    quoted(&label.color)
                ),
            ));
        }
        if let Some(key) = label.key
            && !keys.insert(key.to_ascii_lowercase())
        {
            problems.push(problem(
                None,
                None,
                format!(
                    "label {}: key {} is taken by another label",
                    quoted(&name),
                    quoted(&key.to_string())
                ),
            ));
        }
        out.push(Label {
            color: label.color.into_owned(),
            key: label.key,
            attributes: super::schema::fields_from_file(&name, label.attributes, problems),
            name,
        });
    }
    LabelSet::from_vec(out)
}

/// The ids seen so far in the project, which must be unique across documents.
struct Ids<'a> {
    spans: &'a mut HashSet<u64>,
    relations: &'a mut HashSet<u64>,
}

fn document_from_file(
    doc: DocumentFile<'_>,
    project: &Project,
    ids: Ids<'_>,
    problems: &mut Vec<Problem>,
) -> Option<Document> {
    let labels = &project.labels;
    let span_ids = ids.spans;
    let name = doc.name.into_owned();
    let mut document = Document::new(DocId(doc.id), &name, doc.text.into_owned(), &doc.encoding);
    document.source = doc.source.map(Cow::into_owned);
    document.status = doc.status;
    // Kept as written: a value that does not fit is a finding, not a refusal.
    let some = |s: String| Some(s).filter(|s| !s.is_empty());
    document.meta = crate::model::ArticleMeta {
        url: some(doc.meta.url),
        outlet: some(doc.meta.outlet),
        authors: doc.meta.authors,
        published: some(doc.meta.published),
        language: some(doc.meta.language),
        extra: doc.meta.extra,
    };
    let before = problems.len();
    if document.sha256() != doc.sha256 {
        problems.push(problem(
            Some(&name),
            None,
            format!(
                "the text does not match its sha256 (it was changed outside spanmark; stored {}, actual {})",
                quoted(&doc.sha256),
                document.sha256()
            ),
        ));
    }
    let len_chars = document.len_chars();
    let mut spans = Vec::with_capacity(doc.spans.len());
    let mut seen_ranges = HashSet::new();
    for mut span in doc.spans {
        let at = |message: String| problem(Some(&name), Some(span.id), message);
        if span.id == 0 {
            problems.push(at("span id 0 is not allowed".into()));
        } else if span.id > MAX_ID {
            problems.push(at(too_large("span id", span.id)));
        } else if !span_ids.insert(span.id) {
            problems.push(at(format!(
                "span id {} is used twice in the project",
                span.id
            )));
        }
        if !labels.contains(&span.label) {
            problems.push(at(format!(
                "label {} is not in the project's label set",
                quoted(&span.label)
            )));
        }
        if span.start >= span.end {
            problems.push(at(format!(
                "start {} is not before end {} (spans are half-open and never empty)",
                span.start, span.end
            )));
        } else if span.end > len_chars {
            problems.push(at(format!(
                "end {} is past the end of the text ({len_chars} characters)",
                span.end
            )));
        }
        let range = CharRange::new(span.start, span.end);
        if !seen_ranges.insert((span.label.clone(), range)) {
            problems.push(at(format!(
                "another {} span covers the same range {range}",
                quoted(&span.label)
            )));
        }
        let provenance = match span
            .provenance
            .take()
            .map(|p| provenance_from_file(*p))
            .transpose()
        {
            Ok(provenance) => provenance,
            Err(message) => {
                problems.push(at(message));
                None
            }
        };
        spans.push(span_from_file(span, range, provenance));
    }
    if problems.len() > before {
        return None;
    }
    document.set_spans(spans);
    for r in doc.rejected {
        // A rejection outside the text can only be stale: it is dropped, not refused.
        if r.start < r.end && r.end <= len_chars {
            document.reject(&r.label, CharRange::new(r.start, r.end));
        }
    }
    let mut conflicts = Vec::with_capacity(doc.conflicts.len());
    for (i, c) in doc.conflicts.into_iter().enumerate() {
        let mut version = |span: Option<super::file::SpanFile<'_>>| {
            let mut span = span?;
            let range = CharRange::new(span.start, span.end);
            if span.start >= span.end || span.end > len_chars {
                let message = format!(
                    "merge conflict {}: a version's range {range} is not in the text",
                    i + 1
                );
                problems.push(problem(Some(&name), Some(span.id), message));
                return None;
            }
            // A version's provenance that does not read is dropped: the conflict is
            // about the span, and the version stays choosable.
            let provenance = span
                .provenance
                .take()
                .and_then(|p| provenance_from_file(*p).ok());
            Some(span_from_file(span, range, provenance))
        };
        let (base, ours, theirs) = (version(c.base), version(c.ours), version(c.theirs));
        conflicts.push(crate::model::MergeConflict { base, ours, theirs });
    }
    if problems.len() > before {
        return None;
    }
    document.set_conflicts(conflicts);
    let relations = super::schema::relations_from_file(
        doc.relations,
        &document,
        &project.relation_types,
        ids.relations,
        problems,
    );
    if problems.len() > before {
        return None;
    }
    document.set_relations(relations);
    Some(document)
}

use std::borrow::Cow;

/// A span's provenance as read, or why it cannot be used.
/// The span a file's span becomes, its values checked by the caller.
fn span_from_file(
    span: super::file::SpanFile<'_>,
    range: CharRange,
    provenance: Option<Provenance>,
) -> Span {
    Span {
        id: SpanId(span.id),
        label: span.label.into_owned(),
        range,
        note: span.note.map(Cow::into_owned),
        attributes: span.attributes,
        provenance: provenance.map(Box::new),
    }
}

fn provenance_from_file(p: super::file::ProvenanceFile) -> Result<Provenance, String> {
    use super::file::HowFile;
    use crate::model::provenance::{is_utc_second, is_valid_who};
    if !is_valid_who(&p.who) {
        return Err(format!(
            "provenance: {} is not a usable coder name",
            quoted(&p.who)
        ));
    }
    if !is_utc_second(&p.when) {
        return Err(format!(
            "provenance: time {} is not UTC to the second (YYYY-MM-DDTHH:MM:SSZ)",
            quoted(&p.when)
        ));
    }
    let how = match p.how {
        HowFile::Manual => How::Manual,
        HowFile::Suggested { rule, confidence } => {
            if !(0.0..=1.0).contains(&confidence) {
                return Err(format!(
                    "provenance: confidence {confidence} is not between 0 and 1"
                ));
            }
            How::Suggested {
                rule,
                confidence: Confidence::from_f64(confidence),
            }
        }
        HowFile::Imported { format } => How::Imported { format },
        HowFile::Adjudicated { coders } => How::Adjudicated { coders },
    };
    Ok(Provenance {
        who: p.who,
        when: p.when,
        how,
    })
}
