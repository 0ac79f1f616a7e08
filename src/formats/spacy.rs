//! spaCy-ready JSONL: `{"text": …, "spans": {"sc": [[start, end, "quote"], …]},
//! "meta": {"name", "sha256"}}` per document, offsets in **code points**, as spaCy's
//! `Doc.char_span` takes them. Import reads every span group, not only `sc`.

use super::json::ExportFile;
use super::spans_jsonl::{self, Flavor};

/// The export, each span checked by slicing the text in code points first.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    spans_jsonl::render(export, Flavor::Spacy)
}

/// Reads spaCy JSON lines, with what was left out and why.
pub fn parse(bytes: &[u8]) -> Result<super::report::Imported, String> {
    spans_jsonl::parse(bytes, Flavor::Spacy)
}
