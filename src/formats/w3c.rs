//! W3C Web Annotation (JSON-LD): one annotation per span, an `AnnotationCollection` per
//! export, each with an `id` (an IRI, as the model requires). The label is a `tagging`
//! body, the note a `commenting` body; the target's `source` is the document as an
//! absolute IRI, `urn:sha256:` of its text, with its name as the source's `label`
//! (`rdfs:label`, a term of the annotation context, so it survives JSON-LD expansion
//! and compaction), and the target carries a `TextPositionSelector` (code points) and a
//! `TextQuoteSelector` (`exact`, with 32 characters of `prefix` and `suffix`). A span
//! whose provenance is known carries `creator`, `created` and `generator` (see
//! [`super::provenance`]); an import reads them back, and keeps the span ids of
//! spanmark's own annotations. Each relation is a `linking` annotation whose two
//! targets are its span annotations, from then to ([`relations`]).
//!
//! Annotations carry no text, so an import finds their document in the project by the
//! source's hash, else its label, else its name or the last segment of its IRI (what a
//! plain file name becomes after JSON-LD processing with a base), and anchors them: at
//! the position when the quote is there, else at the occurrence of `exact` whose
//! context matches best (found through an index of the document's text, built once
//! and only when a position is wrong; the `anchor` module), else it is reported.

mod anchor;
mod relations;

use super::json::{ExportDocument, ExportFile, ExportSpan};
use super::provenance;
use super::report::{Findings, Imported, Skip};
use crate::model::{Document, Project};
use crate::shown::quoted;
use anchor::{QuoteFinder, anchor};
use serde_json::{Value, json};
use std::borrow::Cow;
use std::collections::HashMap;

/// Characters of `prefix` and `suffix` written around each quote.
const CONTEXT: usize = 32;

/// The export as an AnnotationCollection.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    let mut items = Vec::new();
    for (n, doc) in export.documents.iter().enumerate() {
        let chars: Vec<char> = doc.text.chars().collect();
        for span in &doc.spans {
            // `get` refuses a reversed range or one past the end, and the rest of the
            // slicing below stays inside `span.start < span.end <= chars.len()`.
            let exact: Option<String> = chars
                .get(span.start..span.end)
                .filter(|c| !c.is_empty())
                .map(|c| c.iter().collect());
            if exact.as_deref() != Some(span.text.as_ref()) {
                return Err(format!(
                    "document {}, span {}: its offsets do not give its text; nothing was written",
                    quoted(&doc.name),
                    span.id
                ));
            }
            let exact = exact.unwrap_or_default();
            let prefix: String = chars[span.start.saturating_sub(CONTEXT)..span.start]
                .iter()
                .collect();
            let suffix: String = chars[span.end..span.end.saturating_add(CONTEXT).min(chars.len())]
                .iter()
                .collect();
            let mut body =
                vec![json!({"type": "TextualBody", "purpose": "tagging", "value": span.label})];
            if let Some(note) = &span.note {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
            }
            let mut item = json!({
                "id": relations::span_annotation_id(&doc.sha256, span.id),
                "type": "Annotation",
                "body": body,
                "target": {
                    "source": {"id": format!("urn:sha256:{}", doc.sha256), "label": doc.name},
                    "selector": [
                        {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                    ],
                },
            });
            if let (Some(p), Some(fields)) = (&span.provenance, item.as_object_mut()) {
                fields.extend(provenance::to_w3c(p).map(|(k, v)| (k.to_owned(), v)));
            }
            items.push(item);
        }
        items.extend(relations::annotations(doc, export.relations_of(n)));
    }
    let id = collection_id(export);
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "AnnotationCollection",
        "label": export.project,
        "total": items.len(),
        "first": {"id": format!("{id}:page:1"), "type": "AnnotationPage", "partOf": id, "items": items},
    });
    let mut out = serde_json::to_vec_pretty(&collection).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(out)
}

/// The collection's IRI: the same for the same project name and texts, so an export of
/// unchanged work is byte for byte the same file.
fn collection_id(export: &ExportFile<'_>) -> String {
    let mut named = export.project.to_string();
    for doc in &export.documents {
        named.push('\n');
        named.push_str(&doc.sha256);
    }
    format!("urn:spanmark:export:{}", crate::model::sha256_hex(&named))
}

/// Anchors annotations in `project`'s documents (matched by the target's `source`).
///
/// Linear in the annotations: each document is looked up by name once, positions are
/// checked through the document's [`crate::model::OffsetIndex`], and the quotes of
/// annotations whose position is wrong are found through a quote finder built once
/// per document.
pub fn parse(bytes: &[u8], project: &Project) -> Result<Imported, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        format!(
            "not JSON ({})",
            crate::shown::library_message(&e.to_string())
        )
    })?;
    let items: &[Value] = match &value {
        Value::Array(items) => items,
        v if v["type"] == "AnnotationCollection" => {
            v["first"]["items"].as_array().map_or(&[], Vec::as_slice)
        }
        v if v["type"] == "AnnotationPage" => v["items"].as_array().map_or(&[], Vec::as_slice),
        v if v["type"] == "Annotation" => std::slice::from_ref(v),
        _ => return Err("not a W3C annotation, page or collection".to_owned()),
    };
    let sources = Sources::new(project);
    // Per document met: its entry in `documents` and its quote finder, once needed.
    let mut targets: HashMap<crate::model::DocId, (usize, Option<QuoteFinder>)> = HashMap::new();
    let mut documents: Vec<ExportDocument<'static>> = Vec::new();
    let mut found = Findings::default();
    // The linking annotations, read once every span annotation is; and the span
    // annotations by id, with their document entry and span id.
    let mut links = Vec::new();
    let mut span_of = HashMap::new();
    for (n, item) in items.iter().enumerate() {
        let at = || format!("annotation {}", n + 1);
        if relations::is_link(item) {
            links.push((at(), item));
            continue;
        }
        let source = &item["target"]["source"];
        let Some(doc) = sources.find(source) else {
            let what = format!(
                "its source {} is no document of the project",
                super::spans_jsonl::shown_value(source)
            );
            found.dropped(Skip::UnknownDocument, &at(), &what);
            continue;
        };
        let bodies = one_or_many(&item["body"]);
        let label = bodies
            .iter()
            .find(|b| b["purpose"] == "tagging")
            .and_then(|b| literal(&b["value"]));
        let Some(label) = label else {
            found.dropped(Skip::Malformed, &at(), "no tagging body (the label)");
            continue;
        };
        let note = bodies
            .iter()
            .find(|b| b["purpose"] == "commenting")
            .and_then(|b| literal(&b["value"]));
        let selectors = one_or_many(&item["target"]["selector"]);
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let (entry, finder) = targets.entry(doc.id).or_insert_with(|| {
            documents.push(ExportDocument {
                name: Cow::Owned(doc.name.clone()),
                sha256: Cow::Owned(doc.sha256().to_owned()),
                text: Cow::Owned(doc.text().to_owned()),
                spans: Vec::new(),
            });
            (documents.len() - 1, None)
        });
        let Some((range, text)) = anchor(doc, finder, position, quote) else {
            let what = format!(
                "neither its position nor its quote is in {}",
                quoted(&doc.name)
            );
            found.dropped(Skip::TextMismatch, &at(), &what);
            continue;
        };
        let spans = &mut documents[*entry].spans;
        // spanmark's own annotation keeps its span's id.
        let id = item["id"]
            .as_str()
            .and_then(|id| id.strip_prefix("urn:spanmark:"))
            .and_then(|id| id.strip_prefix(doc.sha256()))
            .and_then(|id| id.strip_prefix(':')?.parse().ok())
            .unwrap_or(spans.len() as u64 + 1);
        let mut span = ExportSpan::imported(id, label, range, text, note);
        span.provenance =
            provenance::from_w3c(item).map(|p| provenance::ExportProvenance::from_model(&p));
        spans.push(span);
        if let Some(key) = relations::id_of(item) {
            span_of.entry(key.to_owned()).or_insert((*entry, id));
        }
    }
    let links = relations::resolve(&links, &span_of, documents.len(), &mut found);
    // A source whose every annotation was skipped leaves an empty entry: harmless, but
    // the import would count it as matched.
    let (documents, links): (Vec<_>, Vec<_>) = documents
        .into_iter()
        .zip(links)
        .filter(|(d, _)| !d.spans.is_empty())
        .unzip();
    let mut file = ExportFile::imported(documents);
    file.relations = links;
    Ok(Imported {
        format: "w3c",
        file,
        found,
        predictions: Vec::new(),
    })
}

/// The project's documents as an annotation's `source` may name them.
struct Sources<'p> {
    by_sha256: HashMap<&'p str, &'p Document>,
    /// The first document of each name, as `Project::document_by_name` finds it.
    by_name: HashMap<&'p str, &'p Document>,
}

impl<'p> Sources<'p> {
    fn new(project: &'p Project) -> Self {
        let mut sources = Self {
            by_sha256: HashMap::new(),
            by_name: HashMap::new(),
        };
        for doc in project.documents() {
            sources.by_sha256.entry(doc.sha256()).or_insert(doc);
            sources.by_name.entry(doc.name.as_str()).or_insert(doc);
        }
        sources
    }

    /// The document `source` names: by the `urn:sha256:` of its text, else by its
    /// `label`, else by the name it is, else by the last segment of its IRI (a file
    /// name that JSON-LD processing made absolute against a base).
    fn find(&self, source: &Value) -> Option<&'p Document> {
        let (id, label) = match source {
            Value::String(id) => (Some(id.as_str()), None),
            Value::Object(_) => (
                source["id"].as_str().or_else(|| source["@id"].as_str()),
                literal(&source["label"]),
            ),
            _ => (None, None),
        };
        let by_hash = id
            .and_then(|id| id.strip_prefix("urn:sha256:"))
            .and_then(|sha| self.by_sha256.get(sha.to_ascii_lowercase().as_str()));
        let by_label = || label.and_then(|l| self.by_name.get(l));
        let by_id = || id.and_then(|id| self.by_name.get(id));
        let by_segment = || {
            let id = id?;
            let segment = id.rsplit(['/', '#']).next()?;
            self.by_name
                .get(provenance::percent_decoded(segment).as_str())
        };
        by_hash
            .or_else(by_label)
            .or_else(by_id)
            .or_else(by_segment)
            .copied()
    }
}

/// A JSON-LD literal as text: a string, or `{"@value": string}`.
fn literal(value: &Value) -> Option<&str> {
    value.as_str().or_else(|| value["@value"].as_str())
}

/// A JSON-LD value that may be one object or a list of them.
fn one_or_many(value: &Value) -> &[Value] {
    match value {
        Value::Array(values) => values,
        Value::Null => &[],
        one => std::slice::from_ref(one),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(text: &str) -> Project {
        crate::fixture::project("p", &[("a.txt", text)])
    }

    fn annotation(selectors: &str) -> String {
        format!(
            r#"[{{"type": "Annotation", "body": {{"purpose": "tagging", "value": "quote"}},
                 "target": {{"source": "a.txt", "selector": [{selectors}]}}}}]"#
        )
    }

    /// The (start, end) of each span anchored, and the problems.
    fn anchored(text: &str, selectors: &str) -> (Vec<(usize, usize)>, Vec<String>) {
        let imported = parse(annotation(selectors).as_bytes(), &project(text)).unwrap();
        let (file, problems) = (imported.file, imported.found.problems);
        let spans = file
            .documents
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| (s.start, s.end)))
            .collect();
        (spans, problems)
    }

    #[test]
    fn a_quote_longer_than_the_document_is_reported_not_a_panic() {
        let long = "a quote far longer than the whole document";
        let (spans, problems) = anchored(
            "short",
            &format!(r#"{{"type": "TextQuoteSelector", "exact": "{long}"}}"#),
        );
        assert!(spans.is_empty());
        assert_eq!(problems.len(), 1, "{problems:?}");
        // With a position too, and the position past the end.
        let (spans, _) = anchored(
            "short",
            &format!(
                r#"{{"type": "TextPositionSelector", "start": 1, "end": 99}},
                   {{"type": "TextQuoteSelector", "exact": "{long}", "prefix": "s"}}"#
            ),
        );
        assert!(spans.is_empty());
    }

    #[test]
    fn huge_or_reversed_positions_are_refused_not_a_panic() {
        for (start, end) in [
            ("18446744073709551615", "18446744073709551615"),
            ("3", "1"),
            ("0", "18446744073709551615"),
            ("-1", "2"),
            ("1e308", "2"),
        ] {
            let (spans, problems) = anchored(
                "short text",
                &format!(r#"{{"type": "TextPositionSelector", "start": {start}, "end": {end}}}"#),
            );
            assert!(spans.is_empty(), "{start}..{end}");
            assert_eq!(problems.len(), 1, "{start}..{end}: {problems:?}");
        }
    }

    #[test]
    fn a_wrong_position_is_anchored_by_the_quote_and_its_context() {
        let text = "we 👋 win; they win; 我們 win. we win";
        let chars: Vec<char> = text.chars().collect();
        let at = |needle: &str, nth: usize| {
            let n: Vec<char> = needle.chars().collect();
            (0..chars.len())
                .filter(|&i| chars[i..].starts_with(&n))
                .nth(nth)
                .unwrap()
        };
        // The context decides between the four "win".
        let quote = |prefix: &str, suffix: &str| {
            format!(
                r#"{{"type": "TextPositionSelector", "start": 0, "end": 3}},
                   {{"type": "TextQuoteSelector", "exact": "win", "prefix": "{prefix}", "suffix": "{suffix}"}}"#
            )
        };
        assert_eq!(
            anchored(text, &quote("they ", ";")).0,
            [(at("win", 1), at("win", 1) + 3)]
        );
        assert_eq!(
            anchored(text, &quote("我們 ", ".")).0,
            [(at("win", 2), at("win", 2) + 3)]
        );
        // Part of the context matches: the best part wins.
        assert_eq!(
            anchored(text, &quote("xx 👋 ", "")).0,
            [(at("win", 0), at("win", 0) + 3)]
        );
        // No context: the occurrence nearest the position.
        let near = format!(
            r#"{{"type": "TextPositionSelector", "start": {}, "end": 0}},
               {{"type": "TextQuoteSelector", "exact": "win"}}"#,
            at("win", 3) - 1
        );
        assert_eq!(anchored(text, &near).0, [(at("win", 3), at("win", 3) + 3)]);
        // The position is kept where the quote is.
        let right = format!(
            r#"{{"type": "TextPositionSelector", "start": {s}, "end": {e}}},
               {{"type": "TextQuoteSelector", "exact": "win", "prefix": "they "}}"#,
            s = at("win", 2),
            e = at("win", 2) + 3
        );
        assert_eq!(anchored(text, &right).0, [(at("win", 2), at("win", 2) + 3)]);
    }

    #[test]
    fn overlapping_occurrences_are_found() {
        // "aaa" occurs at 0, 1 and 2 of "aaaaa"; the context picks the last.
        let (spans, _) = anchored(
            "aaaaa",
            r#"{"type": "TextQuoteSelector", "exact": "aaa", "prefix": "aa"}"#,
        );
        assert_eq!(spans, [(2, 5)]);
        let long = "ab".repeat(20);
        let (spans, _) = anchored(
            &format!("x{long}ab!"),
            &format!(r#"{{"type": "TextQuoteSelector", "exact": "{long}", "suffix": "!"}}"#),
        );
        assert_eq!(spans, [(3, 43)]);
    }

    #[test]
    fn the_quote_finder_finds_every_occurrence_a_plain_search_finds() {
        let alphabet = ['a', 'b', 'é', '👋', ' ', '\n'];
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            let text: String = (0..next(300))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let finder = QuoteFinder::new(&text);
            for _ in 0..20 {
                let needle: String = (0..1 + next(12))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect();
                let plain: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .filter(|&i| text[i..].starts_with(&needle))
                    .collect();
                assert_eq!(
                    finder.occurrences(&text, &needle),
                    plain,
                    "{needle:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn problems_show_names_on_one_short_line() {
        let name = format!("line\nbreak{}", "x".repeat(10_000));
        let json = serde_json::to_string(&name).unwrap();
        let input = format!(
            r#"{{"type": "Annotation", "body": {{"purpose": "tagging", "value": "quote"}},
                 "target": {{"source": {json}}}}}"#
        );
        let problems = parse(input.as_bytes(), &project("text"))
            .unwrap()
            .found
            .problems;
        assert_eq!(problems.len(), 1);
        assert!(
            !problems[0].contains('\n') && problems[0].len() < 200,
            "{}",
            problems[0]
        );
        let err = parse(format!("[{json}").as_bytes(), &project("text")).unwrap_err();
        assert!(!err.contains('\n') && err.len() < 300, "{err}");
    }
}
