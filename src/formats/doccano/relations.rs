//! doccano's relation-extraction JSONL: a line with relations has `entities: [{"id",
//! "label", "start_offset", "end_offset"}]` and `relations: [{"id", "from_id", "to_id",
//! "type"}]`, each relation's ends the `id`s of entities of the same line (the keys of
//! doccano's own example, `backend/data_import/tests/data/relation_extraction/
//! example.jsonl` in doccano/doccano, whose relations have no `id`). Export writes the
//! span ids as entity ids, so a relation's ends are its span ids as they are.

use crate::formats::json::{ExportRelation, ExportSpan};
use crate::formats::report::{Findings, Skip};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::collections::HashMap;

/// An entity of a line with relations; `start` and `end` in the flavour's unit.
pub(in crate::formats) fn entity(span: &ExportSpan<'_>, start: usize, end: usize) -> Value {
    json!({"id": span.id, "label": span.label, "start_offset": start, "end_offset": end})
}

/// The relations of one line.
pub(in crate::formats) fn entries(relations: &[ExportRelation]) -> Vec<Value> {
    relations
        .iter()
        .map(|r| json!({"id": r.id, "from_id": r.from, "to_id": r.to, "type": r.kind}))
        .collect()
}

/// An entity's `id` as a key of `span_of` (a number or a text); none when it has none.
pub(in crate::formats) fn entity_key(entry: &Value) -> Option<String> {
    match &entry["id"] {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// The `relations` of line `line`; `span_of` maps an entity id to the span id it
/// became. A relation whose end is not an entity of the line (or was left out) is
/// reported as a missing end; one without a `type` is given one later, from the
/// project's relation types (as Label Studio's are).
pub(in crate::formats) fn resolve(
    value: &Value,
    line: usize,
    span_of: &HashMap<String, u64>,
    found: &mut Findings,
) -> Vec<ExportRelation> {
    let items = match &value["relations"] {
        Value::Array(items) => items.as_slice(),
        Value::Null => &[],
        other => {
            let what = format!(
                "{} is not a list of relations",
                crate::shown::json_value(other)
            );
            found.relation_dropped(Skip::Malformed, &format!("line {line}, relations"), &what);
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("line {line}, relations[{i}]");
        let end = |key: &str| match &item[key] {
            Value::Number(n) => span_of.get(&n.to_string()).copied().ok_or(n.to_string()),
            Value::String(s) => span_of.get(s).copied().ok_or_else(|| quoted(s)),
            Value::Null => Err(format!("(no {key})")),
            other => Err(other.to_string()),
        };
        let (from, to) = match (end("from_id"), end("to_id")) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(missing), _) | (_, Err(missing)) => {
                let what =
                    format!("its end {missing} is not an entity of the line (or was left out)");
                found.relation_dropped(Skip::MissingEnd, &at, &what);
                continue;
            }
        };
        let kind = match &item["type"] {
            Value::String(kind) => kind.clone(),
            Value::Null => String::new(),
            other => {
                let what = format!("its type {} is not a text", crate::shown::json_value(other));
                found.relation_dropped(Skip::Malformed, &at, &what);
                continue;
            }
        };
        out.push(ExportRelation {
            id: out.len() as u64 + 1,
            kind,
            from,
            to,
        });
    }
    out
}
