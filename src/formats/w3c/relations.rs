//! Relations as W3C Web Annotations: one annotation per relation, `"motivation":
//! "linking"`, its type a `tagging` body (`{"type": "TextualBody", "purpose":
//! "tagging", "value": "attributed to"}`) and `"target": [FROM, TO]`, the ids of the two
//! span annotations.
//!
//! **Direction is by order**: the first target is the relation's `from` end, the second
//! its `to` end. The Web Annotation model gives targets no order or roles of their own
//! (`oa:hasTarget` is a plain set in RDF), so the order holds for the JSON (and JSON-LD
//! expansion and compaction, which keep array order), not for a triple store that
//! keeps the annotation as RDF triples.
//!
//! On import a linking annotation whose two targets are span annotations of one
//! document of the file becomes a relation; one with another number of targets, or
//! with targets in two documents, is reported as not supported; one whose target is
//! no span annotation that was imported, as a missing end.

use crate::formats::json::{ExportDocument, ExportRelation};
use crate::formats::report::{Findings, Skip};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The id of span `span`'s annotation in document `sha256`.
pub(super) fn span_annotation_id(sha256: &str, span: u64) -> String {
    format!("urn:spanmark:{sha256}:{span}")
}

/// The linking annotations of one document.
pub(super) fn annotations(doc: &ExportDocument<'_>, relations: &[ExportRelation]) -> Vec<Value> {
    relations
        .iter()
        .map(|r| {
            json!({
                "id": format!("urn:spanmark:{}:relation:{}", doc.sha256, r.id),
                "type": "Annotation",
                "motivation": "linking",
                "body": {"type": "TextualBody", "purpose": "tagging", "value": r.kind},
                "target": [
                    span_annotation_id(&doc.sha256, r.from),
                    span_annotation_id(&doc.sha256, r.to),
                ],
            })
        })
        .collect()
}

/// Is `item` a linking annotation (a relation)?
pub(super) fn is_link(item: &Value) -> bool {
    super::one_or_many(&item["motivation"]).iter().any(|m| {
        matches!(
            super::literal(m),
            Some("linking" | "oa:linking" | "http://www.w3.org/ns/oa#linking")
        )
    })
}

/// An annotation's (or a target's) id: `id`, `@id`, or the IRI it is.
pub(super) fn id_of(value: &Value) -> Option<&str> {
    value
        .as_str()
        .or_else(|| value["id"].as_str())
        .or_else(|| value["@id"].as_str())
}

/// The relations of the linking annotations `links` (each with where it is), by
/// document entry: `span_of` maps a span annotation's id to its document entry and the
/// span id it became; `documents` is how many entries there are.
pub(super) fn resolve(
    links: &[(String, &Value)],
    span_of: &HashMap<String, (usize, u64)>,
    documents: usize,
    found: &mut Findings,
) -> Vec<Vec<ExportRelation>> {
    let mut out: Vec<Vec<ExportRelation>> = vec![Vec::new(); documents];
    for (at, item) in links {
        let targets = super::one_or_many(&item["target"]);
        let [from, to] = targets else {
            let what = format!(
                "a linking annotation with {} targets; a relation links two span annotations",
                targets.len()
            );
            found.relation_dropped(Skip::Unsupported, at, &what);
            continue;
        };
        let end = |target: &Value| {
            let id = id_of(target);
            id.and_then(|id| span_of.get(id).copied())
                .ok_or_else(|| id.map_or_else(|| target.to_string(), quoted))
        };
        let ((doc, from), (other, to)) = match (end(from), end(to)) {
            (Ok(from), Ok(to)) => (from, to),
            (Err(missing), _) | (_, Err(missing)) => {
                let what = format!(
                    "its target {missing} is not a span annotation of the file (or was left out)"
                );
                found.relation_dropped(Skip::MissingEnd, at, &what);
                continue;
            }
        };
        if doc != other {
            found.relation_dropped(
                Skip::Unsupported,
                at,
                "its targets are in two documents; a relation links spans of one",
            );
            continue;
        }
        let kind = super::one_or_many(&item["body"])
            .iter()
            .find(|b| b["purpose"] == "tagging")
            .and_then(|b| super::literal(&b["value"]))
            .unwrap_or("");
        let Some(relations) = out.get_mut(doc) else {
            continue;
        };
        relations.push(ExportRelation {
            id: relations.len() as u64 + 1,
            kind: kind.to_owned(),
            from,
            to,
        });
    }
    out
}
