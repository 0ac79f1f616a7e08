//! JSON Lines: one document per line, the same document object as the JSON export
//! (name, sha256, text, spans with code-point, UTF-16 and byte offsets, and its
//! `relations` when it has any), so a script can stream a large project one article at
//! a time. [`parse`] reads such a file back (`spanmark import --format json` takes
//! either). The label set and relation types are not in a JSONL file: a relation's
//! type is taken from the project it is imported into.

use super::json::wire::WireDocument;
use super::json::{ExportDocument, ExportFile, ExportRelation};
use serde::Serialize;

/// One line: the document, then its relations.
#[derive(Serialize)]
struct Line<'a, 'd> {
    #[serde(flatten)]
    document: &'a ExportDocument<'d>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    relations: &'a [ExportRelation],
}

pub fn render(export: &ExportFile<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, document) in export.documents.iter().enumerate() {
        let line = Line {
            document,
            relations: export.relations_of(i),
        };
        // Plain structs of strings, numbers and string maps always serialise.
        if serde_json::to_writer(&mut out, &line).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// The documents of a JSONL export, one per non-empty line; `None` unless every line
/// is one.
pub fn parse(bytes: &[u8]) -> Option<ExportFile<'static>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let lines = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<WireDocument>(l).ok())
        .collect::<Option<Vec<_>>>()?;
    if lines.is_empty() {
        return None;
    }
    let (documents, relations) = lines.into_iter().map(|l| (l.document, l.relations)).unzip();
    let mut file = ExportFile::imported(documents);
    file.relations = relations;
    Some(file)
}
