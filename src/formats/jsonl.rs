//! JSON Lines: one document per line, the same document object as the JSON export
//! (name, sha256, text, spans with code-point, UTF-16 and byte offsets), so a script can
//! stream a large project one article at a time. [`parse`] reads such a file back
//! (`spanmark import --format json` takes either).

use super::json::{ExportDocument, ExportFile};

pub fn render(export: &ExportFile<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for doc in &export.documents {
        // Plain structs of strings, numbers and string maps always serialise.
        if serde_json::to_writer(&mut out, doc).is_ok() {
            out.push(b'\n');
        }
    }
    out
}

/// The documents of a JSONL export, one per non-empty line; `None` unless every line
/// is one.
pub fn parse(bytes: &[u8]) -> Option<ExportFile<'static>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let documents = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<ExportDocument<'static>>(l).ok())
        .collect::<Option<Vec<_>>>()?;
    (!documents.is_empty()).then(|| ExportFile::imported(documents))
}
