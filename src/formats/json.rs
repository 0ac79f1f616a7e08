//! The JSON export: the contract other programs rely on (schema in DESIGN.md and the
//! README). Offsets are code points (`start`, `end`, Python's `text[start:end]`), with
//! `utf16_*` (JavaScript) and `byte_*` (UTF-8) given alongside. [`verify`] checks a
//! built export against its texts by a separate walk before anything is written.

pub(crate) mod wire;

use super::provenance::ExportProvenance;
use crate::model::{Attributes, CharRange, Project};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use thiserror::Error;

pub const FORMAT: &str = "spanmark-export";
pub const VERSION: u32 = 1;
pub const OFFSETS: &str = "unicode-codepoints";

/// An export. The relations of document `i` are `relations[i]` (kept beside the
/// documents rather than in them; [`ExportFile::relations_of`]); in the file each
/// document carries its own `relations` list (see [`wire`]).
#[derive(Debug, Deserialize)]
#[serde(from = "wire::WireFile")]
pub struct ExportFile<'a> {
    pub format: Cow<'a, str>,
    pub version: u32,
    pub offsets: Cow<'a, str>,
    pub project: Cow<'a, str>,
    pub labels: Vec<ExportLabel<'a>>,
    /// The relation types and the labels allowed at each end (none: any).
    pub relation_types: Vec<ExportRelationType>,
    pub documents: Vec<ExportDocument<'a>>,
    /// Per document, by index: its relations (missing entries: none).
    pub relations: Vec<Vec<ExportRelation>>,
    /// Per document, by index: where its article comes from (missing entries: unknown).
    pub meta: Vec<crate::model::ArticleMeta>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ExportLabel<'a> {
    pub name: Cow<'a, str>,
    pub color: Cow<'a, str>,
    /// The attribute fields a span of the label offers, with their type. Older
    /// exports have none, or names only (`["speaker"]`: text fields).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<ExportAttribute>,
}

/// One attribute field of a label: `{"name": "kind", "type": "choice", "values": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "wire::WireAttribute")]
pub struct ExportAttribute {
    pub name: String,
    /// `text`, `choice`, `number`, `date`, `url` or `span`.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
}

/// A relation type: `{"name": "supported by", "from": ["claim"], "to": ["figure", "quote"]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRelationType {
    pub name: String,
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub to: Vec<String>,
}

/// A relation between two spans of one document, by the spans' ids in the export:
/// `{"id": 1, "type": "attributed to", "from": 7, "to": 9}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRelation {
    pub id: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub from: u64,
    pub to: u64,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ExportDocument<'a> {
    pub name: Cow<'a, str>,
    pub sha256: Cow<'a, str>,
    pub text: Cow<'a, str>,
    pub spans: Vec<ExportSpan<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ExportSpan<'a> {
    pub id: u64,
    pub label: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    pub utf16_start: usize,
    pub utf16_end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
    pub note: Option<Cow<'a, str>>,
    pub attributes: Cow<'a, Attributes>,
    /// Who made the span, when and how; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<ExportProvenance>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExportError {
    #[error(
        "document {}, span {span}: {problem}; nothing was written",
        crate::shown::quoted(document)
    )]
    Mismatch {
        document: String,
        span: u64,
        problem: String,
    },
    #[error(
        "document {}, relation {relation}: {problem}; nothing was written",
        crate::shown::quoted(document)
    )]
    Relation {
        document: String,
        relation: u64,
        problem: String,
    },
}

impl ExportSpan<'static> {
    /// A span read from another format, in code points only: the UTF-16 and byte
    /// fields are not needed to merge it (see [`super::import::plan`]).
    pub fn imported(
        id: u64,
        label: &str,
        range: CharRange,
        text: &str,
        note: Option<&str>,
    ) -> Self {
        Self {
            id,
            label: Cow::Owned(label.to_owned()),
            start: range.start.0,
            end: range.end.0,
            text: Cow::Owned(text.to_owned()),
            utf16_start: 0,
            utf16_end: 0,
            byte_start: 0,
            byte_end: 0,
            note: note.map(|n| Cow::Owned(n.to_owned())),
            attributes: Cow::Owned(Attributes::new()),
            provenance: None,
        }
    }
}

impl ExportFile<'static> {
    /// Documents read from another format, in the shape imports merge from.
    pub fn imported(documents: Vec<ExportDocument<'static>>) -> Self {
        Self {
            format: Cow::Borrowed(FORMAT),
            version: VERSION,
            offsets: Cow::Borrowed(OFFSETS),
            project: Cow::Borrowed("Imported"),
            labels: Vec::new(),
            relation_types: Vec::new(),
            documents,
            relations: Vec::new(),
            meta: Vec::new(),
        }
    }
}

impl ExportFile<'_> {
    /// Where document `index`'s article comes from, if known.
    pub fn meta_of(&self, index: usize) -> Option<&crate::model::ArticleMeta> {
        self.meta.get(index).filter(|m| !m.is_empty())
    }

    /// The relations of document `index`.
    pub fn relations_of(&self, index: usize) -> &[ExportRelation] {
        self.relations.get(index).map_or(&[], Vec::as_slice)
    }

    /// How many relations the export holds.
    pub fn relation_count(&self) -> usize {
        self.relations.iter().map(Vec::len).sum()
    }
}

/// The export of `project`, borrowing its texts.
pub fn build(project: &Project) -> ExportFile<'_> {
    let documents = project
        .documents()
        .iter()
        .map(|doc| {
            let text = doc.text();
            let offsets = doc.offsets();
            let spans = doc
                .spans()
                .iter()
                .map(|span| {
                    // Spans in a project are inside their text (checked on every edit
                    // and load); `verify` below catches it should that ever break.
                    let (byte_start, utf16_start) =
                        offsets.locate(text, span.range.start).unwrap_or_default();
                    let (byte_end, utf16_end) =
                        offsets.locate(text, span.range.end).unwrap_or_default();
                    ExportSpan {
                        id: span.id.0,
                        label: Cow::Borrowed(&span.label),
                        start: span.range.start.0,
                        end: span.range.end.0,
                        text: Cow::Borrowed(text.get(byte_start.0..byte_end.0).unwrap_or("")),
                        utf16_start: utf16_start.0,
                        utf16_end: utf16_end.0,
                        byte_start: byte_start.0,
                        byte_end: byte_end.0,
                        note: span.note.as_deref().map(Cow::Borrowed),
                        attributes: Cow::Borrowed(&span.attributes),
                        provenance: span.provenance.as_deref().map(ExportProvenance::from_model),
                    }
                })
                .collect();
            ExportDocument {
                name: Cow::Borrowed(&doc.name),
                sha256: Cow::Borrowed(doc.sha256()),
                text: Cow::Borrowed(text),
                spans,
            }
        })
        .collect();
    let relations = project
        .documents()
        .iter()
        .map(|doc| {
            doc.relations()
                .iter()
                .map(|r| ExportRelation {
                    id: r.id.0,
                    kind: r.kind.clone(),
                    from: r.from.0,
                    to: r.to.0,
                })
                .collect()
        })
        .collect();
    ExportFile {
        format: Cow::Borrowed(FORMAT),
        version: VERSION,
        offsets: Cow::Borrowed(OFFSETS),
        project: Cow::Borrowed(&project.name),
        labels: project
            .labels
            .iter()
            .map(|l| ExportLabel {
                name: Cow::Borrowed(&l.name),
                color: Cow::Borrowed(&l.color),
                attributes: l
                    .attributes
                    .iter()
                    .map(|a| ExportAttribute {
                        name: a.name.clone(),
                        kind: a.kind.name().to_owned(),
                        values: a.kind.values().to_vec(),
                    })
                    .collect(),
            })
            .collect(),
        relation_types: project
            .relation_types
            .iter()
            .map(|t| ExportRelationType {
                name: t.name.clone(),
                from: t.from.clone(),
                to: t.to.clone(),
            })
            .collect(),
        documents,
        relations,
        meta: project.documents().iter().map(|d| d.meta.clone()).collect(),
    }
}

/// Checks every span of `export` against its document's text by one independent walk
/// per document: the code-point, UTF-16 and byte offsets must name the same positions,
/// and `text` must equal the slice there.
/// Every relation's ends must be spans of its document.
pub fn verify(export: &ExportFile<'_>) -> Result<(), ExportError> {
    for (i, doc) in export.documents.iter().enumerate() {
        verify_document(doc)?;
        verify_relations(doc, export.relations_of(i))?;
    }
    Ok(())
}

fn verify_relations(
    doc: &ExportDocument<'_>,
    relations: &[ExportRelation],
) -> Result<(), ExportError> {
    if relations.is_empty() {
        return Ok(());
    }
    let ids: std::collections::HashSet<u64> = doc.spans.iter().map(|s| s.id).collect();
    for relation in relations {
        for end in [relation.from, relation.to] {
            if !ids.contains(&end) {
                return Err(ExportError::Relation {
                    document: doc.name.to_string(),
                    relation: relation.id,
                    problem: format!("its end, span {end}, is not in the document"),
                });
            }
        }
    }
    Ok(())
}

fn verify_document(doc: &ExportDocument<'_>) -> Result<(), ExportError> {
    let fail = |span: &ExportSpan<'_>, problem: String| ExportError::Mismatch {
        document: doc.name.to_string(),
        span: span.id,
        problem,
    };
    // Every claimed position: (code point, UTF-16, byte, span index).
    let mut claims: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(doc.spans.len() * 2);
    for (i, span) in doc.spans.iter().enumerate() {
        if span.start >= span.end {
            return Err(fail(
                span,
                format!(
                    "empty or reversed range {}",
                    CharRange::new(span.start, span.end)
                ),
            ));
        }
        claims.push((span.start, span.utf16_start, span.byte_start, i));
        claims.push((span.end, span.utf16_end, span.byte_end, i));
    }
    claims.sort_unstable();
    let text = doc.text.as_ref();
    let mut chars = text.char_indices();
    let (mut at_char, mut at_utf16, mut at_byte) = (0usize, 0usize, 0usize);
    for &(char_offset, utf16, byte, i) in &claims {
        while at_char < char_offset {
            let Some((_, ch)) = chars.next() else {
                let problem = format!(
                    "offset {char_offset} is past the end of the text ({at_char} characters)"
                );
                return Err(fail(&doc.spans[i], problem));
            };
            at_char += 1;
            at_utf16 += ch.len_utf16();
            at_byte += ch.len_utf8();
        }
        if (utf16, byte) != (at_utf16, at_byte) {
            let problem = format!(
                "code point {char_offset} is UTF-16 {at_utf16} and byte {at_byte}, not {utf16} and {byte}"
            );
            return Err(fail(&doc.spans[i], problem));
        }
    }
    for span in &doc.spans {
        if text.get(span.byte_start..span.byte_end) != Some(span.text.as_ref()) {
            return Err(fail(
                span,
                "its text differs from the document at its offsets".to_owned(),
            ));
        }
    }
    Ok(())
}

/// The export as JSON: indented structure, one line per span (so a diff shows which
/// spans changed), newline-terminated. Strings are escaped by serde_json.
pub fn render(export: &ExportFile<'_>) -> Vec<u8> {
    let text_bytes: usize = export.documents.iter().map(|d| d.text.len()).sum();
    let spans: usize = export.documents.iter().map(|d| d.spans.len()).sum();
    let mut out = Vec::with_capacity(text_bytes + spans * 300 + 4096);
    out.extend_from_slice(b"{");
    field(&mut out, 1, "format", &export.format);
    out.push(b',');
    field(&mut out, 1, "version", &export.version);
    out.push(b',');
    field(&mut out, 1, "offsets", &export.offsets);
    out.push(b',');
    field(&mut out, 1, "project", &export.project);
    out.push(b',');
    key(&mut out, 1, "labels");
    list(&mut out, 1, &export.labels, value);
    out.push(b',');
    key(&mut out, 1, "relation_types");
    list(&mut out, 1, &export.relation_types, value);
    out.push(b',');
    key(&mut out, 1, "documents");
    let documents: Vec<(usize, &ExportDocument<'_>)> =
        export.documents.iter().enumerate().collect();
    list(&mut out, 1, &documents, |out, &(i, doc)| {
        out.push(b'{');
        field(out, 3, "name", &doc.name);
        out.push(b',');
        field(out, 3, "sha256", &doc.sha256);
        out.push(b',');
        if let Some(meta) = export.meta_of(i) {
            field(out, 3, "meta", meta);
            out.push(b',');
        }
        field(out, 3, "text", &doc.text);
        out.push(b',');
        key(out, 3, "spans");
        list(out, 3, &doc.spans, value);
        let relations = export.relations_of(i);
        if !relations.is_empty() {
            out.push(b',');
            key(out, 3, "relations");
            list(out, 3, relations, value);
        }
        newline(out, 2);
        out.push(b'}');
    });
    out.extend_from_slice(b"\n}\n");
    out
}

fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.resize(out.len() + depth * 2, b' ');
}

/// `"name": ` on a new line at `depth`.
fn key(out: &mut Vec<u8>, depth: usize, name: &str) {
    newline(out, depth);
    value(out, name);
    out.extend_from_slice(b": ");
}

fn field(out: &mut Vec<u8>, depth: usize, name: &str, v: &impl Serialize) {
    key(out, depth, name);
    value(out, v);
}

/// `[`, one item per line one level deeper, `]` (or `[]` when empty).
fn list<T>(out: &mut Vec<u8>, depth: usize, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        newline(out, depth + 1);
        item(out, x);
    }
    if !items.is_empty() {
        newline(out, depth);
    }
    out.push(b']');
}

/// Appends `v` as compact JSON.
fn value(out: &mut Vec<u8>, v: &(impl Serialize + ?Sized)) {
    // Serialising strings, numbers and maps of strings into a Vec cannot fail.
    let _ = serde_json::to_writer(out, v);
}
