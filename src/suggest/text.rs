//! The text as code points, with the word-level helpers the detectors share. Every
//! index here is a code-point offset, so suggestions are offsets without conversion.

use crate::model::CharRange;

pub struct Chars {
    pub c: Vec<char>,
}

impl Chars {
    pub fn new(text: &str) -> Self {
        Self {
            c: text.chars().collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.c.len()
    }

    pub fn get(&self, i: usize) -> Option<char> {
        self.c.get(i).copied()
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.get(i).is_some_and(|c| c.is_alphanumeric())
    }

    /// The word (letters, digits, inner hyphens and apostrophes) starting at `i`.
    pub fn word_at(&self, i: usize) -> Option<(usize, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let mut end = i;
        while end < self.len() {
            let c = self.c[end];
            let inner = matches!(c, '-' | '\'' | '’') && self.is_word(end + 1) && end > i;
            if c.is_alphanumeric() || inner {
                end += 1;
            } else {
                break;
            }
        }
        Some((i, end))
    }

    pub fn string(&self, start: usize, end: usize) -> String {
        self.c[start.min(self.len())..end.min(self.len())]
            .iter()
            .collect()
    }

    /// The words from `from` on (at most `max`), as (start, end) ranges, stopping at a
    /// line break or sentence end.
    pub fn words_after(&self, from: usize, max: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = from;
        while i < self.len() && out.len() < max {
            let c = self.c[i];
            if c == '\n' || (matches!(c, '.' | '!' | '?') && !self.is_word(i + 1)) {
                break;
            }
            if let Some((s, e)) = self.word_at(i) {
                out.push((s, e));
                i = e;
            } else {
                i += 1;
            }
        }
        out
    }

    /// The words before `to` (at most `max`, nearest first), stopping at a line break
    /// or a sentence end.
    pub fn words_before(&self, to: usize, max: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = to;
        while i > 0 && out.len() < max {
            let c = self.c[i - 1];
            let next = self.get(i);
            let ends = matches!(c, '.' | '!' | '?')
                && next
                    .is_some_and(|n| n.is_whitespace() || matches!(n, '”' | '"' | '»' | '’' | '«'));
            if c == '\n' || ends {
                break;
            }
            if c.is_alphanumeric() {
                let mut s = i - 1;
                while s > 0
                    && (self.is_word(s - 1)
                        || (matches!(self.c[s - 1], '-' | '\'' | '’')
                            && s >= 2
                            && self.is_word(s - 2)))
                {
                    s -= 1;
                }
                out.push((s, i));
                i = s;
            } else {
                i -= 1;
            }
        }
        out
    }

    /// Is `c` a quotation mark of any convention (the straight single one included)?
    pub fn is_mark(c: char) -> bool {
        matches!(
            c,
            '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '\'' | '‹' | '›'
        )
    }

    pub fn is_capitalized(&self, (s, _): (usize, usize)) -> bool {
        self.get(s).is_some_and(char::is_uppercase)
    }
}

/// Where `name` stands in the text nearest to `quote` (outside it), as a whole word:
/// the mention an *attributed to* link points at. Searched within the quote's
/// neighbourhood (a few paragraphs), so a long article costs no more per quote.
pub(super) fn nearest_mention(t: &Chars, name: &str, quote: CharRange) -> Option<CharRange> {
    const REACH: usize = 2_000;
    let name: Vec<char> = name.chars().collect();
    if name.is_empty() {
        return None;
    }
    let from = quote.start.0.saturating_sub(REACH);
    let to = (quote.end.0 + REACH).min(t.c.len());
    let word = |i: usize| t.c.get(i).is_some_and(|c| c.is_alphanumeric());
    let distance = |at: usize| {
        if at >= quote.end.0 {
            at - quote.end.0
        } else {
            quote.start.0.saturating_sub(at + name.len())
        }
    };
    (from..to.saturating_sub(name.len() - 1))
        .filter(|&at| at + name.len() <= quote.start.0 || at >= quote.end.0)
        .filter(|&at| t.c[at..at + name.len()] == name[..])
        .filter(|&at| (at == 0 || !word(at - 1)) && !word(at + name.len()))
        .min_by_key(|&at| distance(at))
        .map(|at| CharRange::new(at, at + name.len()))
}
