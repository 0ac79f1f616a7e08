//! What the JSON-lines formats of [`super::doccano`] and [`super::spacy`] share: one
//! document per line with `text`, `[start, end, label]` triples and `meta` (name and
//! SHA-256); the self-check of every span in the format's unit on export; and reading
//! lines back, where a span that does not fit the text is reported and left out. Neither
//! format carries notes or attributes; doccano carries relations, a line with some
//! written in its relation-extraction shape ([`super::doccano::relations`]). Imports
//! become a
//! [`super::json::ExportFile`] and go through the same merge as JSON imports.

use super::doccano::relations as doccano_relations;
use super::json::{ExportDocument, ExportFile, ExportSpan};
use super::report::{Findings, Imported, Skip};
use crate::model::{CharRange, OffsetIndex, Utf16Offset, sha256_hex};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::borrow::Cow;

/// Which of the formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flavor {
    /// doccano, UTF-16 code units (its default, as JavaScript counts).
    Doccano,
    /// doccano for a project set to count grapheme clusters (an emoji with its skin
    /// tone, a flag, CRLF: one each).
    DoccanoGraphemes,
    Spacy,
}

/// The format's name on the command line.
fn flavor_name(flavor: Flavor) -> &'static str {
    match flavor {
        Flavor::Doccano => "doccano",
        Flavor::DoccanoGraphemes => "doccano-graphemes",
        Flavor::Spacy => "spacy",
    }
}

/// Where each grapheme cluster of a text begins, in code points, with the text's length
/// last: cluster `g` is `starts[g]..starts[g + 1]`.
fn grapheme_starts(text: &str) -> Vec<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut starts = Vec::with_capacity(text.len() / 2 + 1);
    let mut at = 0;
    for cluster in text.graphemes(true) {
        starts.push(at);
        at += cluster.chars().count();
    }
    starts.push(at);
    starts
}

/// The export, checked span by span in the format's own unit before it is returned.
pub(super) fn render(export: &ExportFile<'_>, flavor: Flavor) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for (n, doc) in export.documents.iter().enumerate() {
        let relations = match flavor {
            Flavor::Doccano | Flavor::DoccanoGraphemes => export.relations_of(n),
            Flavor::Spacy => &[],
        };
        let units: Vec<u16> = doc.text.encode_utf16().collect();
        let chars: Vec<char> = doc.text.chars().collect();
        let clusters = match flavor {
            Flavor::DoccanoGraphemes => grapheme_starts(&doc.text),
            _ => Vec::new(),
        };
        let cluster_of = |at: usize| clusters.binary_search(&at).ok();
        let mut triples = Vec::with_capacity(doc.spans.len());
        for span in &doc.spans {
            let (start, end) = match flavor {
                Flavor::Doccano => (span.utf16_start, span.utf16_end),
                Flavor::Spacy => (span.start, span.end),
                Flavor::DoccanoGraphemes => {
                    let (Some(start), Some(end)) = (cluster_of(span.start), cluster_of(span.end))
                    else {
                        return Err(format!(
                            "document {}, span {}: it begins or ends inside a grapheme cluster (an emoji, a flag, a letter with its accents), which grapheme offsets cannot say; nothing was written",
                            quoted(&doc.name),
                            span.id
                        ));
                    };
                    (start, end)
                }
            };
            // The self-check: slicing the text the way the consumer will must give the
            // span's text.
            let sliced = match flavor {
                Flavor::Doccano => units
                    .get(start..end)
                    .and_then(|u| String::from_utf16(u).ok()),
                Flavor::Spacy => chars.get(start..end).map(|c| c.iter().collect()),
                Flavor::DoccanoGraphemes => {
                    use unicode_segmentation::UnicodeSegmentation;
                    Some(
                        doc.text
                            .graphemes(true)
                            .skip(start)
                            .take(end - start)
                            .collect(),
                    )
                }
            };
            if sliced.as_deref() != Some(span.text.as_ref()) {
                return Err(format!(
                    "document {}, span {}: its offsets {start}..{end} do not give its text; nothing was written",
                    quoted(&doc.name),
                    span.id
                ));
            }
            triples.push(if relations.is_empty() {
                json!([start, end, span.label])
            } else {
                doccano_relations::entity(span, start, end)
            });
        }
        let meta = super::meta_object(export, n, doc);
        let line = match flavor {
            Flavor::Doccano | Flavor::DoccanoGraphemes if !relations.is_empty() => {
                let links = doccano_relations::entries(relations);
                json!({"text": doc.text, "entities": triples, "relations": links, "meta": meta})
            }
            Flavor::Doccano | Flavor::DoccanoGraphemes => {
                json!({"text": doc.text, "label": triples, "meta": meta})
            }
            Flavor::Spacy => json!({"text": doc.text, "spans": {"sc": triples}, "meta": meta}),
        };
        // A Value of strings, numbers and arrays always serialises.
        let _ = serde_json::to_writer(&mut out, &line);
        out.push(b'\n');
    }
    Ok(out)
}

/// Reads doccano or spaCy JSON lines into the export structure imports merge from.
/// Entries that cannot be read (a missing or mistyped offset or label) and spans whose
/// offsets do not fit the text are counted and reported, each with its line and field.
pub(super) fn parse(bytes: &[u8], flavor: Flavor) -> Result<Imported, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    let mut documents = Vec::new();
    let mut relations = Vec::new();
    let mut sources = Vec::new();
    let mut found = Findings::default();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            format!(
                "line {}: not JSON ({})",
                n + 1,
                crate::shown::library_message(&e.to_string())
            )
        })?;
        let doc_text = value["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?
            .to_owned();
        let name = value["meta"]["name"]
            .as_str()
            .map_or_else(|| format!("line-{}.txt", n + 1), str::to_owned);
        sources.push(super::meta_from(&value["meta"]));
        let index = OffsetIndex::new(&doc_text);
        let mut clusters: Option<Vec<usize>> = None;
        let mut spans = Vec::new();
        // doccano entity id -> the span id it became.
        let mut span_of = std::collections::HashMap::new();
        for (at, entry) in entries(&value, flavor, n + 1, &mut found) {
            let (start, end, label) = match triple(entry, flavor) {
                Ok(triple) => triple,
                Err(why) => {
                    found.dropped(Skip::Malformed, &at, &why);
                    continue;
                }
            };
            let range = match flavor {
                Flavor::Spacy => Some(CharRange::new(start, end)),
                Flavor::Doccano => index
                    .from_utf16(&doc_text, Utf16Offset(start))
                    .zip(index.from_utf16(&doc_text, Utf16Offset(end)))
                    .map(|(s, e)| CharRange { start: s, end: e }),
                Flavor::DoccanoGraphemes => {
                    let clusters = clusters.get_or_insert_with(|| grapheme_starts(&doc_text));
                    clusters
                        .get(start)
                        .zip(clusters.get(end))
                        .map(|(&s, &e)| CharRange::new(s, e))
                }
            };
            let Some((range, text)) = range
                .filter(|r| !r.is_empty())
                .and_then(|r| index.slice(&doc_text, r).map(|t| (r, t)))
            else {
                let what = format!("{start}..{end} ({}) does not fit the text", quoted(&label));
                found.dropped(Skip::OutOfRange, &at, &what);
                continue;
            };
            let id = spans.len() as u64 + 1;
            if let Some(key) = doccano_relations::entity_key(entry) {
                span_of.entry(key).or_insert(id);
            }
            spans.push(ExportSpan::imported(id, &label, range, text, None));
        }
        relations.push(match flavor {
            Flavor::Doccano | Flavor::DoccanoGraphemes => {
                doccano_relations::resolve(&value, n + 1, &span_of, &mut found)
            }
            Flavor::Spacy => Vec::new(),
        });
        documents.push(ExportDocument {
            name: Cow::Owned(name),
            sha256: Cow::Owned(sha256_hex(&doc_text)),
            text: Cow::Owned(doc_text),
            spans,
        });
    }
    let mut file = ExportFile::imported(documents);
    file.relations = relations;
    file.meta = sources;
    Ok(Imported {
        format: flavor_name(flavor),
        file,
        found,
        predictions: Vec::new(),
    })
}

/// The span entries of one line with where each is (`line 3, label[2]`): doccano's
/// `label` triples and `entities` objects, or every spaCy span group. A field of the
/// wrong shape (spaCy `spans` as a list) has its entries reported as malformed.
fn entries<'v>(
    value: &'v Value,
    flavor: Flavor,
    line: usize,
    found: &mut Findings,
) -> Vec<(String, &'v Value)> {
    let mut out = Vec::new();
    let mut list = |field: &str, items: &'v Value, found: &mut Findings| match items {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                out.push((format!("line {line}, {field}[{i}]"), item));
            }
        }
        Value::Null => {}
        other => found.dropped(
            Skip::Malformed,
            &format!("line {line}, {field}"),
            &format!("{} is not a list of spans", shown_value(other)),
        ),
    };
    match flavor {
        Flavor::Doccano | Flavor::DoccanoGraphemes => {
            list("label", &value["label"], found);
            list("entities", &value["entities"], found);
        }
        Flavor::Spacy => match &value["spans"] {
            Value::Object(groups) => {
                for (group, items) in groups {
                    list(
                        &format!("spans.{}", crate::shown::field(group)),
                        items,
                        found,
                    );
                }
            }
            Value::Array(items) => {
                for i in 0..items.len() {
                    found.dropped(
                        Skip::Malformed,
                        &format!("line {line}, spans[{i}]"),
                        "\"spans\" is a list; spaCy keeps spans in named groups ({\"sc\": [...]})",
                    );
                }
            }
            Value::Null => {}
            other => list("spans", other, found),
        },
    }
    out
}

/// `[start, end, label]`, or doccano's `{start_offset, end_offset, label}`; or what is
/// wrong with it.
fn triple(entry: &Value, flavor: Flavor) -> Result<(usize, usize, String), String> {
    let (start, end, label) = match (entry, flavor) {
        (Value::Array(a), _) if a.len() >= 3 => (&a[0], &a[1], &a[2]),
        (Value::Array(a), _) => {
            return Err(format!(
                "{} has {} of the 3 parts [start, end, label]",
                shown_value(entry),
                a.len()
            ));
        }
        (Value::Object(_), Flavor::Doccano | Flavor::DoccanoGraphemes) => (
            &entry["start_offset"],
            &entry["end_offset"],
            &entry["label"],
        ),
        _ => return Err(format!("{} is not [start, end, label]", shown_value(entry))),
    };
    let start = offset(start).map_err(|why| format!("the start {why}"))?;
    let end = offset(end).map_err(|why| format!("the end {why}"))?;
    let label = label
        .as_str()
        .ok_or_else(|| format!("the label {} is not a text", shown_value(label)))?;
    Ok((start, end, label.to_owned()))
}

/// An offset: a whole number from 0; or what it is instead.
pub(super) fn offset(value: &Value) -> Result<usize, String> {
    match value {
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(n), _) => usize::try_from(n).map_err(|_| format!("{n} is too large")),
            (None, Some(n)) => Err(format!("{n} is negative")),
            _ => Err(format!("{n} is not a whole number")),
        },
        Value::Null => Err("is missing".to_owned()),
        Value::String(s) => Err(format!("{} is a text, not a number", quoted(s))),
        other => Err(format!("{} is not a number", shown_value(other))),
    }
}

/// A JSON value of the file for a message (see [`crate::shown::json_value`]).
pub(super) use crate::shown::json_value as shown_value;
