//! CSV: one span per row, for spreadsheets. Columns: document, span_id, label, start,
//! end (code points), text, note, attributes (a JSON object, empty when none),
//! utf16_start, utf16_end, byte_start, byte_end; then, when any span records who made
//! it, [`PROVENANCE_HEADER`]: who, when, how and how_details (a JSON object: rule and
//! confidence, format, or coders; empty for manual and for spans of unknown
//! provenance). Columns are only ever added at the end, so a script that reads them by
//! position keeps working. Quoting follows RFC 4180 (the `csv` crate); texts keep their
//! line breaks inside quoted fields.
//!
//! Relations go to a second file beside the first ([`relations_path`]: `spans.csv`
//! gives `spans.relations.csv`), one relation per row ([`RELATIONS_HEADER`]), written
//! by [`super::write_export`] when the project has relations; the ends are the span
//! ids of the first file's `span_id` column, with their texts for reading.

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

/// The columns of the relations file.
pub const RELATIONS_HEADER: [&str; 7] = [
    "document",
    "relation_id",
    "type",
    "from_span_id",
    "from_text",
    "to_span_id",
    "to_text",
];

/// The relations of the export, one per row (the header only when there are none).
pub fn render_relations(export: &ExportFile<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(RELATIONS_HEADER)?;
    for (n, doc) in export.documents.iter().enumerate() {
        let text_of = |id: u64| {
            doc.spans
                .iter()
                .find(|s| s.id == id)
                .map_or("", |s| s.text.as_ref())
        };
        for relation in export.relations_of(n) {
            writer.write_record([
                doc.name.as_ref(),
                &relation.id.to_string(),
                &relation.kind,
                &relation.from.to_string(),
                text_of(relation.from),
                &relation.to.to_string(),
                text_of(relation.to),
            ])?;
        }
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// Where the relations of a CSV export to `path` go: beside it, `spans.csv` giving
/// `spans.relations.csv` (any other name gets `.relations.csv` added).
pub fn relations_path(path: &std::path::Path) -> std::path::PathBuf {
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("export"),
        std::ffi::OsStr::to_os_string,
    );
    let stem = match name.to_str() {
        Some(text) if text.len() > 4 && text.to_ascii_lowercase().ends_with(".csv") => {
            // ".csv" is ASCII: cutting its four bytes leaves whole characters.
            std::ffi::OsString::from(&text[..text.len() - 4])
        }
        _ => name,
    };
    let mut file = stem;
    file.push(".relations.csv");
    path.with_file_name(file)
}
