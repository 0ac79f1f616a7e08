//! W3C Web Annotation (JSON-LD): one annotation per span, an `AnnotationCollection` per
//! export. The label is a `tagging` body, the note a `commenting` body; the target's
//! `source` is the document's name and it carries a `TextPositionSelector` (code points)
//! and a `TextQuoteSelector` (`exact`, with 32 characters of `prefix` and `suffix`).
//!
//! Annotations carry no text, so an import anchors them in the project's documents: at
//! the position when the quote is there, else at the occurrence of `exact` whose
//! context matches best (found through an index of the document's text, built once
//! and only when a position is wrong), else it is reported.

use super::json::{ExportDocument, ExportFile, ExportSpan};
use crate::model::{ByteOffset, CharRange, Document, Project};
use crate::shown::quoted;
use serde_json::{Value, json};
use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::HashMap;

/// Characters of `prefix` and `suffix` written around each quote.
const CONTEXT: usize = 32;
/// Characters of a quote's `prefix` and `suffix` compared when anchoring (other tools
/// write 32 or so; more would only make a crafted file slow).
const MAX_CONTEXT: usize = 256;

/// The export as an AnnotationCollection.
pub fn render(export: &ExportFile<'_>) -> Result<Vec<u8>, String> {
    let mut items = Vec::new();
    for doc in &export.documents {
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
///
/// Linear in the annotations: each document is looked up by name once, positions are
/// checked through the document's [`crate::model::OffsetIndex`], and the quotes of
/// annotations whose position is wrong are found through a quote finder built once
/// per document.
pub fn parse(
    bytes: &[u8],
    project: &Project,
) -> Result<(ExportFile<'static>, Vec<String>), String> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("not JSON ({})", super::one_line(&e.to_string())))?;
    let items: &[Value] = match &value {
        Value::Array(items) => items,
        v if v["type"] == "AnnotationCollection" => {
            v["first"]["items"].as_array().map_or(&[], Vec::as_slice)
        }
        v if v["type"] == "AnnotationPage" => v["items"].as_array().map_or(&[], Vec::as_slice),
        v if v["type"] == "Annotation" => std::slice::from_ref(v),
        _ => return Err("not a W3C annotation, page or collection".to_owned()),
    };
    // The first document of each name, as `Project::document_by_name` finds it.
    let mut by_name: HashMap<&str, &Document> = HashMap::new();
    for doc in project.documents() {
        by_name.entry(doc.name.as_str()).or_insert(doc);
    }
    // Per source met: its entry in `documents` and its quote finder, once needed.
    let mut targets: HashMap<&str, (usize, Option<QuoteFinder>)> = HashMap::new();
    let mut documents: Vec<ExportDocument<'static>> = Vec::new();
    let mut problems = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let at = || format!("annotation {}", n + 1);
        let source = item["target"]["source"].as_str().unwrap_or_default();
        let Some(&doc) = by_name.get(source) else {
            problems.push(format!(
                "{}: no document named {} in the project; skipped",
                at(),
                quoted(source)
            ));
            continue;
        };
        let bodies = one_or_many(&item["body"]);
        let label = bodies
            .iter()
            .find(|b| b["purpose"] == "tagging")
            .and_then(|b| b["value"].as_str());
        let Some(label) = label else {
            problems.push(format!("{}: no tagging body (the label); skipped", at()));
            continue;
        };
        let note = bodies
            .iter()
            .find(|b| b["purpose"] == "commenting")
            .and_then(|b| b["value"].as_str());
        let selectors = one_or_many(&item["target"]["selector"]);
        let position = selectors
            .iter()
            .find(|s| s["type"] == "TextPositionSelector");
        let quote = selectors.iter().find(|s| s["type"] == "TextQuoteSelector");
        let (entry, finder) = targets.entry(source).or_insert_with(|| {
            documents.push(ExportDocument {
                name: Cow::Owned(source.to_owned()),
                sha256: Cow::Owned(doc.sha256().to_owned()),
                text: Cow::Owned(doc.text().to_owned()),
                spans: Vec::new(),
            });
            (documents.len() - 1, None)
        });
        let Some((range, text)) = anchor(doc, finder, position, quote) else {
            problems.push(format!(
                "{}: neither its position nor its quote is in {}; skipped",
                at(),
                quoted(source)
            ));
            continue;
        };
        let spans = &mut documents[*entry].spans;
        spans.push(ExportSpan::imported(
            spans.len() as u64 + 1,
            label,
            range,
            text,
            note,
        ));
    }
    // A source whose every annotation was skipped leaves an empty entry: harmless, but
    // the import would count it as matched.
    documents.retain(|d| !d.spans.is_empty());
    let file = ExportFile::imported(documents);
    Ok((file, problems))
}

/// A JSON-LD value that may be one object or a list of them.
fn one_or_many(value: &Value) -> &[Value] {
    match value {
        Value::Array(values) => values,
        Value::Null => &[],
        one => std::slice::from_ref(one),
    }
}

/// Where an annotation is in `doc`, with its text there: its position if the quote is
/// there (or there is no quote), else the occurrence of the quote with the
/// best-matching context, nearest the position.
fn anchor<'d>(
    doc: &'d Document,
    finder: &mut Option<QuoteFinder>,
    position: Option<&Value>,
    quote: Option<&Value>,
) -> Option<(CharRange, &'d str)> {
    let at = position.and_then(|p| {
        let start = usize::try_from(p["start"].as_u64()?).ok()?;
        let end = usize::try_from(p["end"].as_u64()?).ok()?;
        Some(CharRange::new(start, end))
    });
    let exact = quote.and_then(|q| q["exact"].as_str());
    if let Some(range) = at.filter(|r| !r.is_empty())
        && let Some(slice) = doc.slice(range)
        && exact.is_none_or(|e| e == slice)
    {
        return Some((range, slice));
    }
    let exact = exact.filter(|e| !e.is_empty())?;
    let context = |key: &str| quote.and_then(|q| q[key].as_str()).unwrap_or("");
    let text = doc.text();
    let finder = finder.get_or_insert_with(|| QuoteFinder::new(text));
    let wanted = at.map_or(0, |r| r.start.0);
    let byte = finder.best(doc, exact, context("prefix"), context("suffix"), wanted)?;
    let start = doc.offsets().from_byte(text, ByteOffset(byte))?;
    let range = CharRange::new(start.0, start.0 + exact.chars().count());
    Some((range, text.get(byte..byte + exact.len())?))
}

/// Bytes a [`QuoteFinder`] window holds.
const WINDOW: usize = 8;
/// Windows of a quote looked up to find its rarest one.
const PROBES: usize = 16;

/// Finds quotes in one text: every 8-byte window of the text that starts a character,
/// as a 32-bit hash of the window and its byte position packed in one `u64`, sorted;
/// the occurrences of a quote are among those of its rarest window (a hash collision
/// only adds a candidate: each is checked against the text). Built once per document
/// (8 bytes per character; a 4 MB text takes a few tenths of a second), it makes each
/// search about the number of candidates rather than the length of the text. UTF-8
/// makes byte matching exact: a match of a whole quote always starts on a character
/// boundary.
struct QuoteFinder {
    /// `hash << 32 | position`, sorted; empty for a text of 4 GB or more, which is
    /// searched by a scan instead.
    windows: Vec<u64>,
}

impl QuoteFinder {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut windows: Vec<u64> = Vec::new();
        if u32::try_from(text.len()).is_ok() {
            windows = text
                .char_indices()
                .filter_map(|(i, _)| {
                    let hash = window_hash(bytes.get(i..i + WINDOW)?);
                    Some(u64::from(hash) << 32 | i as u64)
                })
                .collect();
            windows.sort_unstable();
        }
        Self { windows }
    }

    /// The byte positions of `needle` in `text`, overlapping ones included, ascending.
    fn occurrences(&self, text: &str, needle: &str) -> Vec<usize> {
        let mut found = Vec::new();
        if needle.is_empty() || needle.len() > text.len() {
            return found;
        }
        if needle.len() < WINDOW || self.windows.is_empty() {
            // Too short for a window (or no index): a scan, resumed a character after
            // each match so overlapping ones count.
            let step = needle.chars().next().map_or(1, char::len_utf8);
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|rest| rest.find(needle)) {
                found.push(from + i);
                from += i + step;
            }
            return found;
        }
        // The rarest of a few windows of the needle, spread over it.
        let starts: Vec<usize> = needle
            .char_indices()
            .map(|(i, _)| i)
            .take_while(|&i| i + WINDOW <= needle.len())
            .collect();
        let stride = starts.len().div_ceil(PROBES).max(1);
        let (offset, run) = starts
            .iter()
            .step_by(stride)
            .map(|&j| (j, self.run(window_hash(&needle.as_bytes()[j..j + WINDOW]))))
            .min_by_key(|(_, run)| run.len())
            .unwrap_or((0, &[]));
        for &packed in run {
            let at = (packed & u64::from(u32::MAX)) as usize;
            if let Some(start) = at.checked_sub(offset)
                && text.as_bytes()[start..].starts_with(needle.as_bytes())
            {
                found.push(start);
            }
        }
        found
    }

    /// The windows of hash `hash`, ascending by position.
    fn run(&self, hash: u32) -> &[u64] {
        let hash = u64::from(hash);
        let first = self.windows.partition_point(|&w| w >> 32 < hash);
        let last = first + self.windows[first..].partition_point(|&w| w >> 32 == hash);
        &self.windows[first..last]
    }

    /// The byte where `exact` is best anchored in `doc`: where most of its `prefix`
    /// and `suffix` match, then nearest the code point `wanted`.
    fn best(
        &self,
        doc: &Document,
        exact: &str,
        prefix: &str,
        suffix: &str,
        wanted: usize,
    ) -> Option<usize> {
        let text = doc.text();
        let prefix_chars = prefix.chars().count();
        let prefix = match prefix
            .char_indices()
            .nth(prefix_chars.saturating_sub(MAX_CONTEXT))
        {
            Some((i, _)) => &prefix[i..],
            None => "",
        };
        let suffix = match suffix.char_indices().nth(MAX_CONTEXT) {
            Some((i, _)) => &suffix[..i],
            None => suffix,
        };
        let distance = |byte: usize| {
            doc.offsets()
                .from_byte(text, ByteOffset(byte))
                .map_or(usize::MAX, |c| c.0.abs_diff(wanted))
        };
        // Every occurrence with the whole context scores best: look for those first,
        // which are few, before scoring every occurrence of the quote alone.
        if !prefix.is_empty() || !suffix.is_empty() {
            let whole = format!("{prefix}{exact}{suffix}");
            let best = self
                .occurrences(text, &whole)
                .into_iter()
                .map(|i| i + prefix.len())
                .max_by_key(|&i| (Reverse(distance(i)), i));
            if best.is_some() {
                return best;
            }
        }
        self.occurrences(text, exact).into_iter().max_by_key(|&i| {
            let before = prefix
                .chars()
                .rev()
                .zip(text[..i].chars().rev())
                .take_while(|(a, b)| a == b)
                .count();
            let after = suffix
                .chars()
                .zip(text[i + exact.len()..].chars())
                .take_while(|(a, b)| a == b)
                .count();
            (before + after, Reverse(distance(i)), i)
        })
    }
}

/// A 32-bit hash of an 8-byte window (Fibonacci hashing of its bytes).
fn window_hash(bytes: &[u8]) -> u32 {
    let mut key = [0u8; WINDOW];
    key.copy_from_slice(bytes);
    (u64::from_le_bytes(key).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32
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
        let (file, problems) = parse(annotation(selectors).as_bytes(), &project(text)).unwrap();
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
        let (_, problems) = parse(input.as_bytes(), &project("text")).unwrap();
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
