//! W3C Web Annotation (JSON-LD): one annotation per span, an `AnnotationCollection` per
//! export. The label is a `tagging` body, the note a `commenting` body; the target's
//! `source` is the document's name and it carries a `TextPositionSelector` (code points)
//! and a `TextQuoteSelector` (`exact`, with 32 characters of `prefix` and `suffix`).
//!
//! Annotations carry no text, so an import anchors them in the project's documents: at
//! the position when the quote is there, else at the occurrence of `exact` whose
//! context matches best, else it is reported.

use super::json::{ExportDocument, ExportFile, ExportSpan};
use crate::model::{CharRange, Project};
use serde_json::{Value, json};
use std::borrow::Cow;

const CONTEXT: usize = 32;

/// The export as an AnnotationCollection.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    let mut items = Vec::new();
    for doc in &export.documents {
        let chars: Vec<char> = doc.text.chars().collect();
        for span in &doc.spans {
            let exact: String = chars
                .get(span.start..span.end)
                .map(|c| c.iter().collect())
                .unwrap_or_default();
            if exact != span.text {
                return Err(format!(
                    "document \"{}\", span {}: its offsets do not give its text; nothing was written",
                    doc.name, span.id
                ));
            }
            let prefix: String = chars[span.start.saturating_sub(CONTEXT)..span.start]
                .iter()
                .collect();
            let suffix: String = chars[span.end..(span.end + CONTEXT).min(chars.len())]
                .iter()
                .collect();
            let mut body =
                vec![json!({"type": "TextualBody", "purpose": "tagging", "value": span.label})];
            if let Some(note) = &span.note {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
            }
            items.push(json!({
                "id": format!("urn:spanmark:{}:{}", doc.sha256, span.id),
                "type": "Annotation",
                "body": body,
                "target": {
                    "source": doc.name,
                    "selector": [
                        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                    ],
                },
            }));
        }
    }
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": export.project,
        "total": items.len(),
        "first": {"type": "AnnotationPage", "items": items},
    });
    let mut out = serde_json::to_vec_pretty(&collection).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// Anchors annotations in `project`'s documents (matched by the target's `source`).
pub fn parse(
    bytes: &[u8],
    project: &Project,
) -> Result<(ExportFile<'static>, Vec<String>), String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON ({e})"))?;
    let items: Vec<Value> = match &value {
        Value::Array(items) => items.clone(),
        v if v["type"] == "AnnotationCollection" => {
            v["first"]["items"].as_array().cloned().unwrap_or_default()
        }
        v if v["type"] == "AnnotationPage" => v["items"].as_array().cloned().unwrap_or_default(),
        v if v["type"] == "Annotation" => vec![v.clone()],
        _ => return Err("not a W3C annotation, page or collection".to_owned()),
    };
    let mut documents: Vec<ExportDocument<'static>> = Vec::new();
    let mut problems = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let at = format!("annotation {}", n + 1);
        let source = item["target"]["source"].as_str().unwrap_or_default();
        let Some(doc) = project.document_by_name(source) else {
            problems.push(format!(
                "{at}: no document named \"{source}\" in the project; skipped"
            ));
            continue;
        };
        let bodies = match &item["body"] {
            Value::Array(b) => b.clone(),
            b => vec![b.clone()],
        };
        let label = bodies
            .iter()
            .find(|b| b["purpose"] == "tagging")
            .and_then(|b| b["value"].as_str());
        let Some(label) = label else {
            problems.push(format!("{at}: no tagging body (the label); skipped"));
            continue;
        };
        let note = bodies
            .iter()
            .find(|b| b["purpose"] == "commenting")
            .and_then(|b| b["value"].as_str());
        let selectors = match &item["target"]["selector"] {
            Value::Array(s) => s.clone(),
            s => vec![s.clone()],
        };
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let Some(range) = anchor(doc.text(), position, quote) else {
            problems.push(format!(
                "{at}: neither its position nor its quote is in \"{source}\"; skipped"
            ));
            continue;
        };
        let text = doc.slice(range).unwrap_or_default().to_owned();
        let entry = match documents.iter().position(|d| d.name == source) {
            Some(i) => i,
            None => {
                documents.push(ExportDocument {
                    name: Cow::Owned(source.to_owned()),
                    sha256: Cow::Owned(doc.sha256().to_owned()),
                    text: Cow::Owned(doc.text().to_owned()),
                    spans: Vec::new(),
                });
                documents.len() - 1
            }
        };
        let spans = &mut documents[entry].spans;
        spans.push(ExportSpan::imported(
            spans.len() as u64 + 1,
            label,
            range,
            &text,
            note,
        ));
    }
    let file = ExportFile::imported(documents);
    Ok((file, problems))
}

/// Where an annotation is in `text`: its position if the quote is there (or there is no
/// quote), else the occurrence of the quote with the best-matching context, nearest the
/// position.
fn anchor(text: &str, position: Option<&Value>, quote: Option<&Value>) -> Option<CharRange> {
    let chars: Vec<char> = text.chars().collect();
    let at = position.and_then(|p| {
        Some(CharRange::new(
            p["start"].as_u64()? as usize,
            p["end"].as_u64()? as usize,
        ))
    });
    let exact: Option<Vec<char>> = quote
        .and_then(|q| q["exact"].as_str())
        .map(|e| e.chars().collect());
    let fits = |r: CharRange| r.start < r.end && r.end.0 <= chars.len();
    match (at, &exact) {
        (Some(r), None) if fits(r) => return Some(r),
        (Some(r), Some(e)) if fits(r) && chars[r.start.0..r.end.0] == e[..] => return Some(r),
        _ => {}
    }
    let exact = exact.filter(|e| !e.is_empty())?;
    let prefix: Vec<char> = quote
        .and_then(|q| q["prefix"].as_str())
        .unwrap_or("")
        .chars()
        .collect();
    let suffix: Vec<char> = quote
        .and_then(|q| q["suffix"].as_str())
        .unwrap_or("")
        .chars()
        .collect();
    let wanted = at.map_or(0, |r| r.start.0);
    (0..=chars.len().saturating_sub(exact.len()))
        .filter(|&i| chars[i..i + exact.len()] == exact[..])
        .max_by_key(|&i| {
            let before = prefix
                .iter()
                .rev()
                .zip(chars[..i].iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let after = suffix
                .iter()
                .zip(&chars[i + exact.len()..])
                .take_while(|(a, b)| a == b)
                .count();
            (before + after, std::cmp::Reverse(i.abs_diff(wanted)))
        })
        .map(|i| CharRange::new(i, i + exact.len()))
}
