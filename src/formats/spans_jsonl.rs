//! What the JSON-lines formats of [`super::doccano`] and [`super::spacy`] share: one
//! document per line with `text`, `[start, end, label]` triples and `meta` (name and
//! SHA-256); the self-check of every span in the format's unit on export; and reading
//! lines back, where a span that does not fit the text is reported and left out. Neither
//! format carries notes, attributes or span ids. Imports become a
//! [`super::json::ExportFile`] and go through the same merge as JSON imports.

use super::json::{ExportDocument, ExportFile, ExportSpan};
use crate::model::{CharRange, OffsetIndex, Utf16Offset, sha256_hex};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::borrow::Cow;

/// Which of the two formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flavor {
    Doccano,
    Spacy,
}

/// The export, checked span by span in the format's own unit before it is returned.
pub(super) fn render(export: &ExportFile<'_>, flavor: Flavor) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for doc in &export.documents {
        let units: Vec<u16> = doc.text.encode_utf16().collect();
        let chars: Vec<char> = doc.text.chars().collect();
        let mut triples = Vec::with_capacity(doc.spans.len());
        for span in &doc.spans {
            let (start, end) = match flavor {
                Flavor::Doccano => (span.utf16_start, span.utf16_end),
                Flavor::Spacy => (span.start, span.end),
            };
            // The self-check: slicing the text the way the consumer will must give the
            // span's text.
            let sliced = match flavor {
                Flavor::Doccano => units
                    .get(start..end)
                    .and_then(|u| String::from_utf16(u).ok()),
                Flavor::Spacy => chars.get(start..end).map(|c| c.iter().collect()),
            };
            if sliced.as_deref() != Some(span.text.as_ref()) {
                return Err(format!(
                    "document {}, span {}: its offsets {start}..{end} do not give its text; nothing was written",
                    quoted(&doc.name),
                    span.id
                ));
            }
            triples.push(json!([start, end, span.label]));
        }
        let meta = json!({"name": doc.name, "sha256": doc.sha256});
        let line = match flavor {
            Flavor::Doccano => json!({"text": doc.text, "label": triples, "meta": meta}),
            Flavor::Spacy => json!({"text": doc.text, "spans": {"sc": triples}, "meta": meta}),
        };
        // A Value of strings, numbers and arrays always serialises.
        let _ = serde_json::to_writer(&mut out, &line);
        out.push(b'\n');
    }
    Ok(out)
}

/// Reads doccano or spaCy JSON lines into the export structure imports merge from.
/// Spans whose offsets do not fit the text are reported in the returned problems and
/// left out.
pub(super) fn parse(
    bytes: &[u8],
    flavor: Flavor,
) -> Result<(ExportFile<'static>, Vec<String>), String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            format!(
                "line {}: not JSON ({})",
                n + 1,
                super::one_line(&e.to_string())
            )
        })?;
        let doc_text = value["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?
            .to_owned();
        let name = value["meta"]["name"]
            .as_str()
            .map_or_else(|| format!("line-{}.txt", n + 1), str::to_owned);
        let index = OffsetIndex::new(&doc_text);
        let mut spans = Vec::new();
        for (i, (start, end, label)) in triples(&value, flavor).into_iter().enumerate() {
            let range = match flavor {
                Flavor::Spacy => Some(CharRange::new(start, end)),
                Flavor::Doccano => index
                    .from_utf16(&doc_text, Utf16Offset(start))
                    .zip(index.from_utf16(&doc_text, Utf16Offset(end)))
                    .map(|(s, e)| CharRange { start: s, end: e }),
            };
            let Some(text) = range
                .filter(|r| !r.is_empty())
                .and_then(|r| index.slice(&doc_text, r))
            else {
                problems.push(format!(
                    "line {}: span {start}..{end} ({}) does not fit the text; skipped",
                    n + 1,
                    quoted(&label)
                ));
                continue;
            };
            let range = range.unwrap_or(CharRange::new(0, 0));
            spans.push(ExportSpan::imported(
                i as u64 + 1,
                &label,
                range,
                text,
                None,
            ));
        }
        documents.push(ExportDocument {
            name: Cow::Owned(name),
            sha256: Cow::Owned(sha256_hex(&doc_text)),
            text: Cow::Owned(doc_text),
            spans,
        });
    }
    let file = ExportFile::imported(documents);
    Ok((file, problems))
}

/// The (start, end, label) triples of one line, in either of doccano's shapes or spaCy's.
/// An offset no `usize` holds (negative, fractional, past `usize::MAX`) leaves its
/// triple out.
fn triples(value: &Value, flavor: Flavor) -> Vec<(usize, usize, String)> {
    let offset = |v: &Value| usize::try_from(v.as_u64()?).ok();
    let as_triple = |t: &Value| {
        let a = t.as_array()?;
        Some((
            offset(a.first()?)?,
            offset(a.get(1)?)?,
            a.get(2)?.as_str()?.to_owned(),
        ))
    };
    match flavor {
        Flavor::Spacy => value["spans"]
            .as_object()
            .map(|groups| {
                groups
                    .values()
                    .filter_map(Value::as_array)
                    .flatten()
                    .filter_map(as_triple)
                    .collect()
            })
            .unwrap_or_default(),
        Flavor::Doccano => {
            let mut out: Vec<_> = value["label"]
                .as_array()
                .map(|l| l.iter().filter_map(as_triple).collect())
                .unwrap_or_default();
            if let Some(entities) = value["entities"].as_array() {
                out.extend(entities.iter().filter_map(|e| {
                    Some((
                        offset(&e["start_offset"])?,
                        offset(&e["end_offset"])?,
                        e["label"].as_str()?.to_owned(),
                    ))
                }));
            }
            out
        }
    }
}
