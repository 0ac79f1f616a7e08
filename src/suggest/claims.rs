//! Claims: sentences that carry a reporting or assertion verb, or assert a figure.
//! Deciding what is a claim is the annotator's job; these are offered with low
//! confidence, to be accepted one by one.

use super::Suggestion;
use super::text::{Chars, WordSet};
use crate::model::{Attributes, CharRange};

static VERBS: WordSet = WordSet::new(&[
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
]);

/// Opening and closing quotation marks (straight `"` both).
fn mark(c: char) -> Option<bool> {
    match c {
        '“' | '«' | '„' => Some(true),
        '”' | '»' => Some(false),
        _ => None,
    }
}

/// One claim suggestion per sentence with a reporting verb or a number. A sentence
/// does not end inside quotation marks (`He said: “We won. We stay.” Then …` is one
/// sentence up to the closing mark), so a claim holds both marks of a quote or
/// neither.
pub fn find(t: &Chars) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut closers = Closers::default();
    let mut i = 0;
    while i <= t.len() {
        // Only marks, sentence ends and line breaks matter here.
        i = t.stop_from(i);
        let c = t.get(i);
        match c.and_then(mark) {
            Some(true) => quoted = closers.closed(t, i),
            Some(false) => quoted = false,
            None if c == Some('"') => quoted = !quoted && closers.closed(t, i),
            None => {}
        }
        // The full stop and the closing marks right after it.
        let mut after = i + 1;
        if c.is_some_and(|c| matches!(c, '.' | '!' | '?')) {
            while t
                .get(after)
                .is_some_and(|m| m == '"' || mark(m) == Some(false))
            {
                after += 1;
            }
        }
        let stop = c.is_some_and(|c| matches!(c, '.' | '!' | '?'))
            && (after >= t.len() || t.is_space(after))
            && (!quoted || after > i + 1);
        let end_here = c.is_none() || c == Some('\n') || stop;
        if end_here {
            let end = if stop { after } else { i };
            if let Some(s) = sentence(t, start, end) {
                out.push(s);
            }
            start = end;
            quoted = false;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Is a quote opened at `i` closed in its paragraph? (One that runs on into the next
/// paragraph splits into sentences as usual.) Remembers the next closing mark or
/// line break found, so a long paragraph is scanned once.
#[derive(Default)]
struct Closers {
    /// For curly and straight marks: the next closing mark or line break after the
    /// position it was searched from.
    next: [Option<usize>; 2],
}

impl Closers {
    fn closed(&mut self, t: &Chars, i: usize) -> bool {
        let straight = t.c[i] == '"';
        let k = usize::from(straight);
        let found = match self.next[k] {
            Some(n) if n > i => n,
            _ => {
                let closes = |c: char| {
                    c == '\n'
                        || if straight {
                            c == '"'
                        } else {
                            mark(c) == Some(false)
                        }
                };
                let n = (i + 1..t.len())
                    .find(|&j| closes(t.c[j]))
                    .unwrap_or(t.len());
                self.next[k] = Some(n);
                n
            }
        };
        t.get(found).is_some_and(|c| c != '\n')
    }
}

fn sentence(t: &Chars, start: usize, end: usize) -> Option<Suggestion> {
    let mut s = start;
    while s < end && !t.is_word(s) && !matches!(t.c[s], '“' | '"' | '«' | '$' | '€') {
        s += 1;
    }
    if end <= s + 10 {
        return None;
    }
    let s = balanced(t, s, end);
    // A reporting verb among the first 80 words (`Chars::words_after`).
    let mut verb = false;
    let (mut at, mut n) = (s, 0);
    while n < 80
        && let Some(w) = t.word_after(at)
    {
        if VERBS.contains(&t.str(w.0, w.1)) {
            verb = true;
            break;
        }
        (at, n) = (w.1, n + 1);
    }
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

/// The start of a claim at `s..end` without an opening mark it does not close (a
/// quote running on into the next paragraph).
fn balanced(t: &Chars, s: usize, end: usize) -> usize {
    let span = &t.c[s..end];
    let opens = span.iter().filter(|c| mark(**c) == Some(true)).count();
    let closes = span.iter().filter(|c| mark(**c) == Some(false)).count();
    let straight = span.iter().filter(|c| **c == '"').count();
    let unclosed = match span.first() {
        Some('"') => straight % 2 == 1,
        Some(&c) => mark(c) == Some(true) && opens > closes,
        None => false,
    };
    if !unclosed {
        return s;
    }
    let mut s = s + 1;
    while s < end && t.is_space(s) {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<String> {
        let t = Chars::new(text);
        find(&t)
            .into_iter()
            .map(|s| t.string(s.range.start.0, s.range.end.0))
            .collect()
    }

    fn balanced_marks(claim: &str) -> bool {
        let opens = claim.chars().filter(|c| mark(*c) == Some(true)).count();
        let closes = claim.chars().filter(|c| mark(*c) == Some(false)).count();
        opens == closes && claim.chars().filter(|c| *c == '"').count() % 2 == 0
    }

    #[test]
    fn a_claim_holds_both_quotation_marks_or_neither() {
        let c = claims(
            "“The levy will raise 40 million. Every cent goes to roads.” The mayor said so twice. \"Nobody asked us,\" residents said. She insisted: “It is fair.” Critics disagreed.\n\n“The plan fails at 3 points and\n\n“it is too late.”",
        );
        assert!(c.iter().all(|c| balanced_marks(c)), "{c:?}");
        assert_eq!(
            c[0],
            "“The levy will raise 40 million. Every cent goes to roads.”"
        );
        assert!(
            c.contains(&"She insisted: “It is fair.”".to_owned()),
            "{c:?}"
        );
        assert!(
            c.contains(&"The plan fails at 3 points and".to_owned()),
            "{c:?}"
        );
        // A quote running on into the next paragraph: its sentences are claims, the
        // opening mark left out.
        let c = claims("“Rents rose 9% in a year. Wages did not.\n\n“We moved out.”");
        assert_eq!(c[0], "Rents rose 9% in a year.");
        assert!(c.iter().all(|c| balanced_marks(c)), "{c:?}");
    }
}
