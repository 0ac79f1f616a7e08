//! Label Studio's relations: a result `{"type": "relation", "from_id": …, "to_id": …,
//! "direction": "right", "labels": ["attributed to"]}` in the same annotation's
//! `result` list, its ends the `id`s of span results there. Export writes span results
//! with ids `s<span id>`; import maps a result id to the span it became (the first,
//! for a result with several labels). A relation whose `labels` is empty is given a
//! type later, from the project ([`fill_types`]).

use crate::formats::json::{ExportDocument, ExportFile, ExportRelation};
use crate::formats::report::{Findings, Skip};
use crate::model::Project;
use crate::shown::quoted;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The relation results of one document: one per ordered pair of spans, with every
/// type linking them in its `labels` (in the order the relations come). Label Studio's
/// editor keeps one relation per pair of regions: two results naming the same pair
/// would lose one of them at its next save (`tests/real_consumers_read.rs`).
pub(super) fn results(relations: &[ExportRelation]) -> Vec<Value> {
    let mut pairs: Vec<((u64, u64), Vec<&str>)> = Vec::new();
    let mut at: HashMap<(u64, u64), usize> = HashMap::new();
    for r in relations {
        let pair = (r.from, r.to);
        match at.get(&pair) {
            Some(&i) => pairs[i].1.push(r.kind.as_str()),
            None => {
                at.insert(pair, pairs.len());
                pairs.push((pair, vec![r.kind.as_str()]));
            }
        }
    }
    pairs
        .into_iter()
        .map(|((from, to), kinds)| {
            json!({
                "type": "relation",
                "from_id": format!("s{from}"),
                "to_id": format!("s{to}"),
                "direction": "right",
                "labels": kinds,
            })
        })
        .collect()
}

/// Is this result a relation?
pub(super) fn is_relation(result: &Value) -> bool {
    result["type"] == "relation"
}

/// The relations of one task: `raw` are its relation results with where each is;
/// `span_of` maps a result id to the span id it became. `direction: "left"` swaps the
/// ends; `bi` is read as written (from → to).
pub(super) fn resolve(
    raw: &[(String, &Value)],
    span_of: &HashMap<String, u64>,
    found: &mut Findings,
) -> Vec<ExportRelation> {
    let mut out = Vec::new();
    for (at, result) in raw {
        let end = |key: &str| match &result[key] {
            Value::String(s) => span_of.get(s).copied().ok_or_else(|| quoted(s)),
            Value::Number(n) => span_of
                .get(&n.to_string())
                .copied()
                .ok_or_else(|| n.to_string()),
            other => Err(other.to_string()),
        };
        let (from, to) = match (end("from_id"), end("to_id")) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(missing), _) | (_, Err(missing)) => {
                let what = format!(
                    "its end {missing} is not a span result of the annotation (or was left out)"
                );
                found.relation_dropped(Skip::MissingEnd, at, &what);
                continue;
            }
        };
        let (from, to) = if result["direction"] == "left" {
            (to, from)
        } else {
            (from, to)
        };
        let kinds: Vec<&str> = result["labels"]
            .as_array()
            .map(|l| l.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let kinds = if kinds.is_empty() { vec![""] } else { kinds };
        for kind in kinds {
            out.push(ExportRelation {
                id: out.len() as u64 + 1,
                kind: kind.to_owned(),
                from,
                to,
            });
        }
    }
    out
}

/// Gives each relation without a type the first of the project's types that allows
/// its ends' labels (one left without is reported by the merge).
pub fn fill_types(file: &mut ExportFile<'_>, project: &Project) {
    let documents: &[ExportDocument<'_>] = &file.documents;
    for (doc, relations) in documents.iter().zip(file.relations.iter_mut()) {
        let label_of = |id: u64| {
            doc.spans
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.label.as_ref())
        };
        for relation in relations.iter_mut().filter(|r| r.kind.is_empty()) {
            if let (Some(from), Some(to)) = (label_of(relation.from), label_of(relation.to))
                && let Some(t) = project.relation_types.iter().find(|t| t.allows(from, to))
            {
                relation.kind = t.name.clone();
            }
        }
    }
}
