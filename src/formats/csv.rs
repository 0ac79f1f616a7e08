//! CSV: one span per row, for spreadsheets. Columns: document, span_id, label, start,
//! end (code points), text, note, attributes (a JSON object, empty when none),
//! utf16_start, utf16_end, byte_start, byte_end. Quoting follows RFC 4180 (the `csv`
//! crate); texts keep their line breaks inside quoted fields.

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

pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    for doc in &export.documents {
        for span in &doc.spans {
            let attributes = if span.attributes.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&span.attributes).unwrap_or_default()
            };
            writer.write_record([
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
            ])?;
        }
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}
