//! A small fixture language for tests, benchmarks and sample projects:
//! `"He said [quote:we will win]."` is the text `He said we will win.` with a quote span
//! over `we will win`. Spans nest (`[claim:[quote:we] will win]`) and may carry
//! attributes (`[quote|speaker=Olena Kovalenko:we will win]`); `\[`, `\]` and `\\`
//! stand for the characters themselves. Offsets are code points, as everywhere.

use crate::model::{Attributes, CharRange, DocId, Document, Project, Span};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FixtureError {
    #[error("unclosed \"[\" opened at character {0}")]
    Unclosed(usize),
    #[error("\"]\" at character {0} closes nothing")]
    UnopenedClose(usize),
    #[error("\"[\" at character {0} has no \"label:\"")]
    NoLabel(usize),
    #[error("attribute at character {0} is not key=value")]
    BadAttribute(usize),
}

/// A span parsed from a fixture: label and code-point range of the plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixtureSpan {
    pub label: String,
    pub range: CharRange,
    pub attributes: Attributes,
}

/// Splits fixture markup into the plain text and its spans (in order of their end).
pub fn parse(markup: &str) -> Result<(String, Vec<FixtureSpan>), FixtureError> {
    let mut text = String::with_capacity(markup.len());
    let mut text_chars = 0;
    let mut open: Vec<(String, Attributes, usize, usize)> = Vec::new();
    let mut spans = Vec::new();
    let mut chars = markup.chars().enumerate().peekable();
    while let Some((at, ch)) = chars.next() {
        match ch {
            '\\' => {
                if let Some((_, escaped)) = chars.next() {
                    text.push(escaped);
                    text_chars += 1;
                }
            }
            '[' => {
                let mut head = String::new();
                loop {
                    match chars.next() {
                        Some((_, ':')) => break,
                        Some((_, c)) if c != '[' && c != ']' && c != '\n' => head.push(c),
                        _ => return Err(FixtureError::NoLabel(at)),
                    }
                }
                let mut parts = head.split('|');
                let label = parts.next().unwrap_or_default().to_owned();
                if label.is_empty()
                    || !label
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
                {
                    return Err(FixtureError::NoLabel(at));
                }
                let mut attributes = Attributes::new();
                for part in parts {
                    let (key, value) =
                        part.split_once('=').ok_or(FixtureError::BadAttribute(at))?;
                    attributes.insert(key.to_owned(), value.to_owned());
                }
                open.push((label, attributes, text_chars, at));
            }
            ']' => {
                let (label, attributes, start, _) =
                    open.pop().ok_or(FixtureError::UnopenedClose(at))?;
                spans.push(FixtureSpan {
                    label,
                    range: CharRange::new(start, text_chars),
                    attributes,
                });
            }
            _ => {
                text.push(ch);
                text_chars += 1;
            }
        }
    }
    if let Some((_, _, _, at)) = open.pop() {
        return Err(FixtureError::Unclosed(at));
    }
    Ok((text, spans))
}

/// A project holding one document per `(name, markup)` pair, with fresh span ids.
///
/// # Panics
/// On markup that does not parse or spans the project refuses: fixtures are written by
/// the tests themselves, so this is a bug in the test.
#[expect(
    clippy::expect_used,
    reason = "fixtures are written by tests; a bad one is a bug in the test"
)]
pub fn project(name: &str, documents: &[(&str, &str)]) -> Project {
    let mut project = Project::new(name);
    for (doc_name, markup) in documents {
        let (text, spans) = parse(markup).expect("fixture markup parses");
        let doc_id: DocId = project.allocate_doc_id();
        let mut document = Document::new(doc_id, doc_name, text, "UTF-8");
        let mut built = Vec::new();
        for span in spans {
            let mut new = Span::new(project.allocate_span_id(), &span.label, span.range);
            new.attributes = span.attributes;
            built.push(new);
        }
        document.set_spans(built);
        crate::edit::Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        }
        .apply(&mut project)
        .expect("fixture spans are valid");
    }
    project
}

/// A deterministic article-like corpus for benchmarks: `documents` texts of about
/// `chars_per_document` code points (paragraphs, curly and straight quotes, numbers,
/// Cyrillic names, some emoji, CRLF in every third document) with `spans_per_document`
/// spans each, overlapping and nested, over all three default labels.
#[expect(
    clippy::expect_used,
    reason = "generated documents are valid by construction"
)]
pub fn generated_project(
    documents: usize,
    chars_per_document: usize,
    spans_per_document: usize,
) -> Project {
    const WORDS: [&str; 24] = [
        "the",
        "ministry",
        "said",
        "drones",
        "Kyiv",
        "Зеленський",
        "peace",
        "talks",
        "would",
        "not",
        "happen",
        "before",
        "winter",
        "according",
        "to",
        "officials",
        "in",
        "Brussels",
        "said",
        "a",
        "spokesperson",
        "on",
        "Monday",
        "ceasefire",
    ];
    const EXTRAS: [&str; 8] = ["270", "$90 billion", "40%", "🇺🇦", "👋🏽", "2022", "“", "”"];
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        // xorshift64*: deterministic, fast, good enough for shaping test text.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    };
    let mut project = Project::new("Generated corpus");
    let labels = ["quote", "claim", "figure"];
    for d in 0..documents {
        let newline = if d % 3 == 0 { "\r\n\r\n" } else { "\n\n" };
        let mut text = String::with_capacity(chars_per_document * 2);
        let mut chars = 0;
        let mut sentence = 0;
        while chars < chars_per_document {
            let word = if next(10) == 0 {
                EXTRAS[next(EXTRAS.len())]
            } else {
                WORDS[next(WORDS.len())]
            };
            text.push_str(word);
            chars += word.chars().count();
            sentence += 1;
            let sep = if sentence % 90 == 0 {
                newline
            } else if sentence % 15 == 0 {
                ". "
            } else {
                " "
            };
            text.push_str(sep);
            chars += sep.chars().count();
        }
        let doc_id = project.allocate_doc_id();
        let mut document = Document::new(doc_id, &format!("article-{d:04}.txt"), text, "UTF-8");
        let len = document.len_chars();
        let mut spans = Vec::with_capacity(spans_per_document);
        let mut seen = std::collections::HashSet::new();
        while spans.len() < spans_per_document.min(len / 2) {
            let start = next(len - 1);
            let end = (start + 1 + next(120)).min(len);
            let label = labels[next(labels.len())];
            if !seen.insert((start, end, label)) {
                continue;
            }
            let mut span = Span::new(
                project.allocate_span_id(),
                label,
                CharRange::new(start, end),
            );
            if label == "quote" {
                span.attributes
                    .insert("speaker".to_owned(), "Зеленський".to_owned());
            }
            spans.push(span);
        }
        document.set_spans(spans);
        let add = crate::edit::Edit::AddDocument {
            index: usize::MAX,
            document: Box::new(document),
        };
        // Generated spans are inside their text, non-empty, unique and labelled with
        // default labels, so adding the document cannot fail.
        add.apply(&mut project)
            .expect("generated document is valid");
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_spans_attributes_and_escapes() {
        let markup = r"[claim:He said [quote|speaker=Zoë K.:we \[will\] win 🇺🇦]]. \\o/";
        let (text, spans) = parse(markup).unwrap();
        assert_eq!(text, r"He said we [will] win 🇺🇦. \o/");
        let speaker: Attributes = [("speaker".to_owned(), "Zoë K.".to_owned())]
            .into_iter()
            .collect();
        let quote = FixtureSpan {
            label: "quote".into(),
            range: CharRange::new(8, 24),
            attributes: speaker,
        };
        let claim = FixtureSpan {
            label: "claim".into(),
            range: CharRange::new(0, 24),
            attributes: Attributes::new(),
        };
        assert_eq!(spans, [quote, claim]);
    }

    #[test]
    fn reports_bad_markup() {
        assert_eq!(parse("a [quote:b"), Err(FixtureError::Unclosed(2)));
        assert_eq!(parse("a ] b"), Err(FixtureError::UnopenedClose(2)));
        assert_eq!(parse("a [quote b]"), Err(FixtureError::NoLabel(2)));
        assert_eq!(
            parse("a [quote|speaker:b]"),
            Err(FixtureError::BadAttribute(2))
        );
    }
}
