//! Label Studio's JSON: a list of tasks, each `{"data": {"text": …}, "annotations":
//! [{"result": [{"value": {"start", "end", "text", "labels": […]}, …}]}]}` with offsets
//! in **code points**: Label Studio's editor splits the text by code point (its own
//! test "Should calculate offsets by code points in text" expects `test` at 21–25
//! after a 🐱), so an emoji counts one. Export writes one task per document with one
//! annotation; import reads every annotation's results (one span per label listed),
//! checks each result's `text` against the document where it is given (after undoing
//! Label Studio's `\n` escaping), reads `predictions` (model output, `score` per result
//! or per prediction) as suggestions, never as spans, and also reads the JSON-MIN export.

pub mod relations;

use super::json::{ExportDocument, ExportFile, ExportSpan};
use super::report::{Findings, Imported, Prediction, Skip};
use super::spans_jsonl::{offset, shown_value};
use crate::model::{CharRange, OffsetIndex, sha256_hex};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::borrow::Cow;

/// The export, each span checked by slicing the text in code points first (as Label
/// Studio's editor splits it).
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    let mut tasks = Vec::with_capacity(export.documents.len());
    for (n, doc) in export.documents.iter().enumerate() {
        let chars: Vec<char> = doc.text.chars().collect();
        let mut results = Vec::with_capacity(doc.spans.len());
        for span in &doc.spans {
            let sliced: Option<String> =
                chars.get(span.start..span.end).map(|c| c.iter().collect());
            if sliced.as_deref() != Some(span.text.as_ref()) {
                return Err(format!(
                    "document {}, span {}: its offsets do not give its text; nothing was written",
                    quoted(&doc.name),
                    span.id
                ));
            }
            results.push(json!({
                "id": format!("s{}", span.id),
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]},
            }));
        }
        results.extend(relations::results(export.relations_of(n)));
        tasks.push(json!({
            "id": n + 1,
            "data": {"text": doc.text},
            "annotations": [{"result": results}],
            "meta": super::meta_object(export, n, doc),
        }));
    }
    let mut out = serde_json::to_vec_pretty(&Value::Array(tasks)).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// Reads Label Studio's JSON export (tasks with `data`, `annotations`, `predictions`) or
/// its JSON-MIN export (one flat object per task: the data fields and, per labeling
/// control, a list of `{start, end, text, labels}`): annotations as the spans to merge,
/// predictions as suggestions, with every result left out counted and said where.
/// `text_field` is the task field holding the text (the labeling config's `$variable`),
/// `text` when not given; a task without it is refused, never guessed.
pub fn parse(bytes: &[u8], text_field: Option<&str>) -> Result<Imported, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_some_and(|b| *b != b'[' && *b != b'{') {
            // Label Studio's CSV export keeps the results as JSON inside a cell.
            "not JSON: this looks like Label Studio's CSV export; export JSON or JSON-MIN from Label Studio instead".to_owned()
        } else {
            format!("not JSON ({})", crate::shown::library_message(&e.to_string()))
        }
    })?;
    let tasks: &[Value] = match &value {
        Value::Array(tasks) => tasks,
        Value::Object(_) => std::slice::from_ref(&value),
        _ => return Err("not a list of Label Studio tasks".to_owned()),
    };
    let field = text_field.unwrap_or("text");
    let mut documents = Vec::new();
    let mut relations = Vec::new();
    let mut sources = Vec::new();
    let mut found = Findings::default();
    let mut predictions = Vec::new();
    for (n, task) in tasks.iter().enumerate() {
        let at_task = format!("task {}", task_number(task, n));
        // JSON has the task's fields under `data`; JSON-MIN has them at the top.
        let minimal = task.get("data").is_none();
        let data = if minimal { task } else { &task["data"] };
        let text = match &data[field] {
            Value::String(text) => text.clone(),
            _ => return Err(no_text(&at_task, data, field, text_field.is_some())),
        };
        let name = task["meta"]["name"].as_str().map_or_else(
            || format!("task-{}.txt", task_number(task, n)),
            str::to_owned,
        );
        sources.push(super::meta_from(&task["meta"]));
        let index = OffsetIndex::new(&text);
        let sha256 = sha256_hex(&text);
        // Label Studio's JSON export names predictions by id only.
        let id_only = task["predictions"]
            .as_array()
            .map_or(0, |p| p.iter().filter(|p| p.is_number()).count());
        if id_only > 0 {
            found.remark(
                &at_task,
                &format!(
                    "its {id_only} predictions are ids only (Label Studio's JSON export leaves their spans out); to have them offered, export from Label Studio's API with predictions"
                ),
            );
        }
        let mut spans = Vec::new();
        let mut links = Vec::new();
        let mut span_of: std::collections::HashMap<String, u64> = Default::default();
        for (at, result, predicted) in results(task, minimal, field, &at_task) {
            if relations::is_relation(result) {
                if predicted.is_none() {
                    links.push((at, result));
                }
                continue;
            }
            let span = match read_result(result, &text, &index) {
                Ok(span) => span,
                Err((why, what)) => {
                    if predicted.is_some() {
                        found.remark(&at, &format!("{what}; this prediction is not offered"));
                    } else {
                        found.dropped(why, &at, &what);
                    }
                    continue;
                }
            };
            for label in span.labels {
                if let Some(score) = predicted {
                    predictions.push(Prediction {
                        sha256: sha256.clone(),
                        label,
                        range: span.range,
                        score: score.map(|s| s.clamp(0.0, 1.0) as f32),
                    });
                    continue;
                }
                let id = spans.len() as u64 + 1;
                let result_id = match &result["id"] {
                    Value::String(r) => Some(r.clone()),
                    Value::Number(r) => Some(r.to_string()),
                    _ => None,
                };
                if let Some(result_id) = result_id {
                    span_of.entry(result_id).or_insert(id);
                }
                spans.push(ExportSpan::imported(
                    id, &label, span.range, span.text, None,
                ));
            }
        }
        relations.push(relations::resolve(&links, &span_of, &mut found));
        documents.push(ExportDocument {
            name: Cow::Owned(name),
            sha256: Cow::Owned(sha256),
            text: Cow::Owned(text),
            spans,
        });
    }
    let mut file = ExportFile::imported(documents);
    file.relations = relations;
    file.meta = sources;
    Ok(Imported {
        format: "label-studio",
        file,
        found,
        predictions,
    })
}

/// The task's own id where it has one, else its place in the file (from 1).
fn task_number(task: &Value, n: usize) -> String {
    match &task["id"] {
        Value::Number(id) => id.to_string(),
        _ => (n + 1).to_string(),
    }
}

/// Why a task has no text, and what to do.
fn no_text(at: &str, data: &Value, field: &str, named: bool) -> String {
    let fields: Vec<String> = data
        .as_object()
        .map(|o| {
            o.iter()
                .filter(|(_, v)| v.is_string())
                .map(|(k, _)| quoted(k))
                .collect()
        })
        .unwrap_or_default();
    let hint = if named {
        String::new()
    } else {
        " (name the field of your labeling config's $variable with --text-field)".to_owned()
    };
    let has = if fields.is_empty() {
        "no text fields".to_owned()
    } else {
        format!("text fields {}", fields.join(", "))
    };
    format!("{at} has no text field {} ({has}){hint}", quoted(field))
}

/// Every result of a task with where it is and, for predictions, its score:
/// `annotations[i].result[j]`, then `predictions[i].result[j]`; in JSON-MIN, every
/// list field of `{start, end, …}` objects but the text.
fn results<'t>(
    task: &'t Value,
    minimal: bool,
    field: &str,
    at_task: &str,
) -> Vec<(String, &'t Value, Option<Option<f64>>)> {
    let mut out = Vec::new();
    if minimal {
        for (key, value) in task.as_object().into_iter().flatten() {
            let Value::Array(items) = value else { continue };
            let spans_like = items.iter().any(|i| i.get("start").is_some());
            if key == field || !spans_like {
                continue;
            }
            for (j, item) in items.iter().enumerate() {
                let key = crate::shown::field(key);
                out.push((format!("{at_task}, {key}[{j}]"), item, None));
            }
        }
        return out;
    }
    for (kind, predicted) in [("annotations", false), ("predictions", true)] {
        for (i, group) in task[kind].as_array().into_iter().flatten().enumerate() {
            let score = group["score"].as_f64();
            for (j, result) in group["result"].as_array().into_iter().flatten().enumerate() {
                let at = format!("{at_task}, {kind}[{i}].result[{j}]");
                let predicted = predicted.then(|| result["score"].as_f64().or(score));
                // The value's fields are under `value` in JSON.
                out.push((at, result, predicted));
            }
        }
    }
    out
}

/// A result read against its text.
struct ReadResult<'t> {
    range: CharRange,
    text: &'t str,
    labels: Vec<String>,
}

/// Reads one result (its `value` in JSON, the object itself in JSON-MIN): code-point
/// offsets, the text they give compared with `text` once Label Studio's escaping of
/// line breaks (`\n` written as a backslash and an `n`) is undone, and its labels.
fn read_result<'t>(
    result: &Value,
    text: &'t str,
    index: &OffsetIndex,
) -> Result<ReadResult<'t>, (Skip, String)> {
    let v = result.get("value").unwrap_or(result);
    let malformed = |what: String| (Skip::Malformed, what);
    let start = offset(&v["start"]).map_err(|why| malformed(format!("value.start {why}")))?;
    let end = offset(&v["end"]).map_err(|why| malformed(format!("value.end {why}")))?;
    let labels: Vec<String> = match &v["labels"] {
        Value::Array(labels) if !labels.is_empty() => labels
            .iter()
            .map(|l| l.as_str().map(str::to_owned).ok_or(l))
            .collect::<Result<_, _>>()
            .map_err(|l| malformed(format!("the label {} is not a text", shown_value(l))))?,
        Value::Array(_) => return Err(malformed("value.labels is empty".to_owned())),
        other => {
            return Err(malformed(format!(
                "value.labels {} is not a list of labels",
                shown_value(other)
            )));
        }
    };
    let range = CharRange::new(start, end);
    let slice = (start < end)
        .then(|| index.slice(text, range))
        .flatten()
        .ok_or_else(|| {
            (
                Skip::OutOfRange,
                format!(
                    "{start}..{end} does not fit the text ({} characters)",
                    index.len_chars()
                ),
            )
        })?;
    if let Some(said) = v["text"].as_str()
        && said != slice
        && !said_matches(said, slice)
    {
        return Err((
            Skip::TextMismatch,
            format!(
                "{start}..{end} says {}, the text has {}",
                quoted(said),
                quoted(slice)
            ),
        ));
    }
    Ok(ReadResult {
        range,
        text: slice,
        labels,
    })
}

/// Does `value.text` say `slice`, as Label Studio writes line breaks in it? It turns
/// every CR and every LF into a backslash and an `n` (a CRLF becomes two), and a tab into
/// a backslash and a `t`; so both sides are compared with each line-break character as
/// one LF.
fn said_matches(said: &str, slice: &str) -> bool {
    let said = said
        .replace("\\r", "\n")
        .replace("\\n", "\n")
        .replace("\\t", "\t");
    said == slice.replace('\r', "\n")
}
