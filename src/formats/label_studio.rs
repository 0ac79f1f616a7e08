//! Label Studio's JSON: a list of tasks, each `{"data": {"text": …}, "annotations":
//! [{"result": [{"value": {"start", "end", "text", "labels": […]}, …}]}]}` with offsets
//! in **UTF-16 code units**. Export writes one task per document with one annotation;
//! import reads every annotation's results (one span per label listed), checks each
//! result's `text` against the document where it is given, and reads `predictions`
//! (model output, `score` per result or per prediction) as suggestions, never as spans.

use super::import::{Imported, Prediction};
use super::json::{ExportDocument, ExportFile, ExportSpan};
use crate::model::{CharRange, OffsetIndex, Utf16Offset, sha256_hex};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::borrow::Cow;

/// The export, each span checked by slicing the text in UTF-16 units first.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    let mut tasks = Vec::with_capacity(export.documents.len());
    for (n, doc) in export.documents.iter().enumerate() {
        let units: Vec<u16> = doc.text.encode_utf16().collect();
        let mut results = Vec::with_capacity(doc.spans.len());
        for span in &doc.spans {
            let sliced = units
                .get(span.utf16_start..span.utf16_end)
                .and_then(|u| String::from_utf16(u).ok());
            if sliced.as_deref() != Some(span.text.as_ref()) {
                return Err(format!(
                    "document {}, span {}: its UTF-16 offsets do not give its text; nothing was written",
                    quoted(&doc.name),
                    span.id
                ));
            }
            results.push(json!({
                "id": format!("s{}", span.id),
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": span.utf16_start, "end": span.utf16_end, "text": span.text, "labels": [span.label]},
            }));
        }
        tasks.push(json!({
            "id": n + 1,
            "data": {"text": doc.text},
            "annotations": [{"result": results}],
            "meta": {"name": doc.name, "sha256": doc.sha256},
        }));
    }
    let mut out = serde_json::to_vec_pretty(&Value::Array(tasks)).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// Reads Label Studio tasks: annotations as the spans to merge, predictions as
/// suggestions, with the problems met.
pub fn parse(bytes: &[u8]) -> Result<Imported, String> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("not JSON ({})", super::one_line(&e.to_string())))?;
    let tasks: &[Value] = match &value {
        Value::Array(tasks) => tasks,
        Value::Object(_) => std::slice::from_ref(&value),
        _ => return Err("not a list of Label Studio tasks".to_owned()),
    };
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    let mut predictions = Vec::new();
    for (n, task) in tasks.iter().enumerate() {
        let data = &task["data"];
        let text = data["text"]
            .as_str()
            .or_else(|| {
                data.as_object()
                    .and_then(|o| o.values().find_map(Value::as_str))
            })
            .ok_or_else(|| format!("task {}: no text in \"data\"", n + 1))?
            .to_owned();
        let name = task["meta"]["name"]
            .as_str()
            .map_or_else(|| format!("task-{}.txt", n + 1), str::to_owned);
        let index = OffsetIndex::new(&text);
        let sha256 = sha256_hex(&text);
        let mut spans = Vec::new();
        // Annotations, then predictions (each result with its prediction's score).
        let results = task["annotations"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|a| a["result"].as_array().into_iter().flatten())
            .map(|r| (r, None))
            .chain(
                task["predictions"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|p| {
                        let score = p["score"].as_f64();
                        p["result"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(move |r| (r, Some(r["score"].as_f64().or(score))))
                    }),
            );
        for (result, predicted) in results {
            let v = &result["value"];
            let (Some(start), Some(end)) = (v["start"].as_u64(), v["end"].as_u64()) else {
                continue;
            };
            let utf16 = |n: u64| {
                let n = usize::try_from(n).ok()?;
                index.from_utf16(&text, Utf16Offset(n))
            };
            let range = utf16(start)
                .zip(utf16(end))
                .map(|(s, e)| CharRange { start: s, end: e })
                .filter(|r| !r.is_empty());
            let Some((range, slice)) = range.and_then(|r| index.slice(&text, r).map(|s| (r, s)))
            else {
                problems.push(format!(
                    "task {}: result {start}..{end} does not fit the text; skipped",
                    n + 1
                ));
                continue;
            };
            if let Some(said) = v["text"].as_str().filter(|t| *t != slice) {
                problems.push(format!(
                    "task {}: result {start}..{end} says {}, the text has {}; skipped",
                    n + 1,
                    quoted(said),
                    quoted(slice)
                ));
                continue;
            }
            for label in v["labels"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if let Some(score) = predicted {
                    predictions.push(Prediction {
                        sha256: sha256.clone(),
                        label: label.to_owned(),
                        range,
                        score: score.map(|s| s.clamp(0.0, 1.0) as f32),
                    });
                    continue;
                }
                spans.push(ExportSpan::imported(
                    spans.len() as u64 + 1,
                    label,
                    range,
                    slice,
                    None,
                ));
            }
        }
        documents.push(ExportDocument {
            name: Cow::Owned(name),
            sha256: Cow::Owned(sha256),
            text: Cow::Owned(text),
            spans,
        });
    }
    Ok(Imported {
        file: ExportFile::imported(documents),
        problems,
        predictions,
    })
}
