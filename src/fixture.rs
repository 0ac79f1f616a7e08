//! A small fixture language for tests, benchmarks and sample projects:
//! `"He said [quote:we will win]."` is the text `He said we will win.` with a quote span
//! over `we will win`. Spans nest (`[claim:[quote:we] will win]`); `\[`, `\]` and `\\`
//! stand for the characters themselves. Offsets are code points, as everywhere.

use crate::model::{CharRange, DocId, Document, Project, Span};
use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum FixtureError {
    #[error("unclosed \"[\" opened at character {0}")]
    Unclosed(usize),
    #[error("\"]\" at character {0} closes nothing")]
    UnopenedClose(usize),
    #[error("\"[\" at character {0} has no \"label:\"")]
    NoLabel(usize),
}

/// A span parsed from a fixture: label and code-point range of the plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixtureSpan {
    pub label: String,
    pub range: CharRange,
}

/// Splits fixture markup into the plain text and its spans (in order of their end).
pub fn parse(markup: &str) -> Result<(String, Vec<FixtureSpan>), FixtureError> {
    let mut text = String::with_capacity(markup.len());
    let mut text_chars = 0;
    let mut open: Vec<(String, usize, usize)> = Vec::new();
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
                let mut label = String::new();
                loop {
                    match chars.next() {
                        Some((_, ':')) => break,
                        Some((_, c)) if c.is_alphanumeric() || c == '_' || c == '-' => {
                            label.push(c)
                        }
                        _ => return Err(FixtureError::NoLabel(at)),
                    }
                }
                open.push((label, text_chars, at));
            }
            ']' => {
                let (label, start, _) = open.pop().ok_or(FixtureError::UnopenedClose(at))?;
                spans.push(FixtureSpan {
                    label,
                    range: CharRange::new(start, text_chars),
                });
            }
            _ => {
                text.push(ch);
                text_chars += 1;
            }
        }
    }
    if let Some((_, _, at)) = open.pop() {
        return Err(FixtureError::Unclosed(at));
    }
    Ok((text, spans))
}

/// A project holding one document per `(name, markup)` pair, with fresh span ids.
///
/// # Panics
/// On markup that does not parse or spans the project refuses: fixtures are written by
/// the tests themselves, so this is a bug in the test.
pub fn project(name: &str, documents: &[(&str, &str)]) -> Project {
    let mut project = Project::new(name);
    for (doc_name, markup) in documents {
        let (text, spans) = parse(markup).expect("fixture markup parses");
        let doc_id: DocId = project.allocate_doc_id();
        let mut document = Document::new(doc_id, doc_name, text, "UTF-8");
        let mut built = Vec::new();
        for span in spans {
            built.push(Span::new(
                project.allocate_span_id(),
                &span.label,
                span.range,
            ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_nested_spans_and_escapes() {
        let (text, spans) = parse(r"[claim:He said [quote:we \[will\] win 🇺🇦]]. \\o/").unwrap();
        assert_eq!(text, r"He said we [will] win 🇺🇦. \o/");
        assert_eq!(
            spans,
            [
                FixtureSpan {
                    label: "quote".into(),
                    range: CharRange::new(8, 24)
                },
                FixtureSpan {
                    label: "claim".into(),
                    range: CharRange::new(0, 24)
                },
            ]
        );
    }

    #[test]
    fn reports_bad_markup() {
        assert_eq!(parse("a [quote:b"), Err(FixtureError::Unclosed(2)));
        assert_eq!(parse("a ] b"), Err(FixtureError::UnopenedClose(2)));
        assert_eq!(parse("a [quote b]"), Err(FixtureError::NoLabel(2)));
    }
}
