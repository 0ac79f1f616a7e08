//! CSV: one span per row, for spreadsheets. Columns: document, span_id, label, start,
//! end (code points), text, note, attributes (a JSON object, empty when none),
//! utf16_start, utf16_end, byte_start, byte_end; then, when any span records who made
//! it, [`PROVENANCE_HEADER`]: who, when, how and how_details (a JSON object: rule and
//! confidence, format, or coders; empty for manual and for spans of unknown
//! provenance). Columns are only ever added at the end, so a script that reads them by
//! position keeps working. Quoting follows RFC 4180 (the `csv` crate); texts keep their
//! line breaks inside quoted fields.

use super::json::ExportFile;

pub const HEADER: [&str; 12] = [
    "document",
    "span_id",
    "label",
    "start",
    "end",
    "text",
    "note",
    "attributes",
    "utf16_start",
    "utf16_end",
    "byte_start",
    "byte_end",
];

/// The columns added after [`HEADER`] when some span has provenance.
pub const PROVENANCE_HEADER: [&str; 4] = ["who", "when", "how", "how_details"];

pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let provenance = export
        .documents
        .iter()
        .any(|d| d.spans.iter().any(|s| s.provenance.is_some()));
    if provenance {
        writer.write_record(HEADER.iter().chain(&PROVENANCE_HEADER))?;
    } else {
        writer.write_record(HEADER)?;
    }
    for doc in &export.documents {
        for span in &doc.spans {
            let attributes = if span.attributes.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&span.attributes).unwrap_or_default()
            };
            let made: [String; 4] = match &span.provenance {
                Some(p) => [p.who.clone(), p.when.clone(), p.how.clone(), p.details()],
                None => Default::default(),
            };
            let columns = if provenance { made.len() } else { 0 };
            writer.write_record(
                [
                    doc.name.as_ref(),
                    &span.id.to_string(),
                    &span.label,
                    &span.start.to_string(),
                    &span.end.to_string(),
                    &span.text,
                    span.note.as_deref().unwrap_or(""),
                    &attributes,
                    &span.utf16_start.to_string(),
                    &span.utf16_end.to_string(),
                    &span.byte_start.to_string(),
                    &span.byte_end.to_string(),
                ]
                .into_iter()
                .chain(made.iter().take(columns).map(String::as_str)),
            )?;
        }
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}
