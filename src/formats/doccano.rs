//! doccano's JSONL for sequence labelling: `{"text": …, "label": [[start, end,
//! "quote"], …], "meta": {"name", "sha256"}}` per document, offsets in **UTF-16 code
//! units** (doccano counts like JavaScript). Import also reads the
//! `entities: [{"start_offset", "end_offset", "label"}]` shape.

use super::json::ExportFile;
use super::spans_jsonl::{self, Flavor};

/// The export, each span checked by slicing the text in UTF-16 units first.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    spans_jsonl::render(export, Flavor::Doccano)
}

/// Reads doccano JSON lines, with what was left out and why.
pub fn parse(bytes: &[u8]) -> Result<super::import::Imported, String> {
    spans_jsonl::parse(bytes, Flavor::Doccano)
}
