//! Claims: sentences that carry a reporting or assertion verb, or assert a figure.
//! Deciding what is a claim is the annotator's job; these are offered with low
//! confidence, to be accepted one by one.

use super::Suggestion;
use super::text::Chars;
use crate::model::{Attributes, CharRange};

const VERBS: &[&str] = &[
    "said",
    "says",
    "claimed",
    "claims",
    "alleged",
    "alleges",
    "argued",
    "argues",
    "insisted",
    "insists",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "stated",
    "states",
    "announced",
    "reported",
    "estimated",
    "estimates",
    "promised",
    "accused",
];

/// One claim suggestion per sentence with a reporting verb or a number.
pub fn find(t: &Chars) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= t.len() {
        let end_here = i == t.len()
            || t.c[i] == '\n'
            || (matches!(t.c[i], '.' | '!' | '?') && t.get(i + 1).is_none_or(char::is_whitespace));
        if end_here {
            let end = if i < t.len() && t.c[i] != '\n' {
                i + 1
            } else {
                i
            };
            if let Some(s) = sentence(t, start, end) {
                out.push(s);
            }
            start = end;
        }
        i += 1;
    }
    out
}

fn sentence(t: &Chars, start: usize, end: usize) -> Option<Suggestion> {
    let mut s = start;
    while s < end && !t.c[s].is_alphanumeric() && !matches!(t.c[s], '“' | '"' | '«' | '$' | '€')
    {
        s += 1;
    }
    if end <= s + 10 {
        return None;
    }
    let words = t.words_after(s, 80);
    let verb = words
        .iter()
        .any(|w| VERBS.contains(&t.string(w.0, w.1).as_str()));
    let number = t.c[s..end].iter().any(char::is_ascii_digit);
    if !verb && !number {
        return None;
    }
    let rule = if verb {
        "sentence with a reporting verb"
    } else {
        "sentence with a figure"
    };
    Some(Suggestion {
        label: "claim".to_owned(),
        range: CharRange::new(s, end),
        attributes: Attributes::new(),
        confidence: if verb { 0.35 } else { 0.25 },
        rule,
        speaker_at: None,
    })
}
