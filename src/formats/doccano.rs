//! doccano's JSONL for sequence labelling: `{"text": …, "label": [[start, end,
//! "quote"], …], "meta": {"name", "sha256"}}` per document, offsets in **UTF-16 code
//! units** (doccano counts like JavaScript), or in grapheme clusters for a doccano
//! project set to count those. Import also reads the
//! `entities: [{"start_offset", "end_offset", "label"}]` shape. A document with
//! relations is written in doccano's relation-extraction shape instead, `entities` with
//! ids and `relations` between them ([`relations`]); import reads both shapes. A
//! default doccano project drops overlapping spans on import: [`notes`] says where an
//! export has them.

pub(super) mod relations;

use super::json::ExportFile;
use super::spans_jsonl::{self, Flavor};

/// The export, each span checked by slicing the text in UTF-16 units first.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    spans_jsonl::render(export, Flavor::Doccano)
}

/// Reads doccano JSON lines, with what was left out and why.
pub fn parse(bytes: &[u8]) -> Result<super::report::Imported, String> {
    spans_jsonl::parse(bytes, Flavor::Doccano)
}

/// The export with offsets in grapheme clusters, for a doccano project set to count
/// them; refused where a span begins or ends inside a cluster.
pub fn render_graphemes(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    spans_jsonl::render(export, Flavor::DoccanoGraphemes)
}

/// Reads doccano JSON lines whose offsets count grapheme clusters.
pub fn parse_graphemes(bytes: &[u8]) -> Result<super::report::Imported, String> {
    spans_jsonl::parse(bytes, Flavor::DoccanoGraphemes)
}

/// What a doccano user should know about the export: documents with overlapping spans,
/// which a doccano project drops on import unless it allows overlapping entities.
pub fn notes(export: &ExportFile<'_>) -> Vec<String> {
    let mut notes = Vec::new();
    for doc in &export.documents {
        let mut ranges: Vec<(usize, usize)> = doc.spans.iter().map(|s| (s.start, s.end)).collect();
        ranges.sort_unstable();
        let mut reach = 0;
        let mut overlapping = 0;
        for (start, end) in ranges {
            if start < reach {
                overlapping += 1;
            }
            reach = reach.max(end);
        }
        if overlapping > 0 {
            notes.push(format!(
                "document {}: {overlapping} spans overlap others; a doccano project drops them on import unless \"Allow overlapping spans\" is on in its settings",
                crate::shown::quoted(&doc.name)
            ));
        }
    }
    notes
}
