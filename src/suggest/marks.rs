//! Quotation marks in the conventions newsrooms write them in: straight `"…"` and
//! `'…'`, curly `“…”` and `‘…’` (British copy uses the single ones as the main marks,
//! with double ones inside), guillemets `«…»` with or without spaces inside, German
//! `„…“` and `‚…‘`, Danish and German book style `»…«`, and the Finnish and Swedish
//! `”…”` and `’…’`, where the same mark opens and closes.
//!
//! The convention is not configured: it is read from where each mark stands. A mark
//! after a space (or the start of a line, a bracket, a dash, a colon) and before text
//! opens; the first mark that can close it and stands like a closing mark (after text,
//! not before a letter) closes it, within the paragraph. An opening mark nothing closes
//! is no quote, and the marks after it are read again, so a stray mark costs one quote,
//! not a paragraph. Inside a quote, the marks of the other kind (single inside double,
//! double inside single; the same `’` inside `”`) open quotations inside it.
//!
//! Apostrophes are not marks: inside a word (`don’t`, `Jones’s`) nothing opens or
//! closes; before a number or an elided word (`’90s`, `’em`, `rock ’n’ roll`) nothing
//! opens; and a single mark after a word and before the next word (`the officers’ own
//! report`), which may be a plural's apostrophe, closes a quote only when no other
//! single mark closes it later in the paragraph before the next quote opens.

use crate::model::CharRange;

use super::text::{Chars, WordSet};

/// A quotation found between marks.
pub(super) struct Found {
    pub range: CharRange,
    pub open_at: usize,
    pub close_at: usize,
    /// Opened by the mark repeated at a paragraph's start: the quote before goes on.
    pub continued: bool,
    /// A quotation inside another.
    pub inner: bool,
}

/// Which marks close a quote opened by `open` (none: `open` opens nothing).
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"', '“'],
        '„' => &['“', '”'],
        '”' => &['”'],
        '"' => &['"', '”'],
        '«' => &['»'],
        '»' => &['«', '»'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '’' => &['’'],
        '\'' => &['\''],
        '‹' => &['›'],
        '›' => &['‹', '›'],
        _ => &[],
    }
}

/// Marks that open a quotation inside one opened by `outer`.
fn inner_openers(outer: char) -> &'static [char] {
    match outer {
        '‘' | '’' | '\'' | '‚' | '‹' | '›' => &['“', '"', '„', '”'],
        '«' | '»' => &['“', '"', '‘', '„', '‚', '‹', '›'],
        // Finnish and Swedish: the same single mark opens and closes inside.
        '”' => &['’', '\'', '‘'],
        '„' => &['‚', '‘', '\''],
        _ => &['‘', '\''],
    }
}

/// A mark that is also an apostrophe.
fn apostrophe_like(c: char) -> bool {
    matches!(c, '’' | '\'')
}

/// A mark that may both open and close: one standing between a space and text opens.
fn symmetric(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | '›')
}

/// Words written with a leading apostrophe for the letters left out.
static ELIDED: WordSet = WordSet::new(&[
    "em", "tis", "twas", "n", "cause", "cos", "til", "bout", "neath", "round", "s",
]);

/// Does the apostrophe-like mark before `at` stand for left-out letters (`’90s`,
/// `’em`, `’n’`) rather than open a quote?
fn elision(t: &Chars, at: usize) -> bool {
    if t.get(at).is_some_and(|c| c.is_ascii_digit()) {
        let mut k = at;
        while t.get(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        // `’90s`, `’69`; not `'3 people died'`-like digits before a word.
        return k - at == 2 && !t.get(k).is_some_and(char::is_alphanumeric)
            || t.get(k) == Some('s') && !t.is_word(k + 1);
    }
    let mut k = at;
    while k < t.len() && t.c[k].is_alphabetic() && k - at <= 5 {
        k += 1;
    }
    let word: String = t.c[at..k].iter().flat_map(|c| c.to_lowercase()).collect();
    ELIDED.contains(&word.as_str())
}

/// Is the mark at `i` placed like an opening mark: after a space, the start or a
/// bracket, dash or colon, and before text (a guillemet may have a space inside)?
fn opens_at(t: &Chars, i: usize) -> bool {
    let c = t.c[i];
    let before_ok = i == 0
        || t.is_space(i - 1)
        || matches!(t.c[i - 1], '(' | '[' | '—' | '–' | '-' | ':' | '/');
    let mut after = i + 1;
    if matches!(c, '«' | '‹') && t.get(after).is_some_and(|n| n.is_whitespace() && n != '\n') {
        after += 1;
    }
    let text_after = match c {
        // Reversed guillemets open before a word, never before a space.
        '»' | '›' => t.is_word(after),
        _ => t.get(after).is_some_and(|n| !n.is_whitespace()),
    };
    before_ok && text_after && !(apostrophe_like(c) && elision(t, i + 1))
}

/// Is the mark `mark` at `i` placed like a closing mark?
fn closes_at(t: &Chars, i: usize, mark: char) -> bool {
    let text_before = t.get(i.wrapping_sub(1)).is_some_and(|c| !c.is_whitespace());
    if apostrophe_like(mark) {
        // Not an apostrophe inside a word: no letter right after it, text before it.
        return !t.is_word(i + 1) && text_before;
    }
    // A mark between a space and a word opens the next quote.
    !t.is_word(i + 1) || text_before
}

/// A single mark after a word and before the next (`the officers’ own`): perhaps a
/// plural's apostrophe rather than the closing mark.
fn maybe_apostrophe(t: &Chars, i: usize) -> bool {
    t.is_word(i.wrapping_sub(1))
        && t.get(i + 1).is_some_and(|c| c == ' ')
        && t.get(i + 2).is_some_and(char::is_alphabetic)
}

enum Close {
    /// The closing mark's position.
    At(usize),
    /// The paragraph ends (at the first) and the next opens with the same mark (at
    /// the second): the quote goes on.
    Paragraph(usize, usize),
}

/// Where the quote opened by `mark` at `open` closes, looking no further than `end`
/// and its paragraph.
fn close_of(t: &Chars, open: usize, mark: char, end: usize) -> Option<Close> {
    let closers = closers(mark);
    let mut maybe = None;
    for j in open + 1..end {
        let c = t.c[j];
        if c == '\n' {
            if maybe.is_some() {
                return maybe.map(Close::At);
            }
            let next = (j..t.len()).find(|&k| !t.c[k].is_whitespace())?;
            return (t.c[next] == mark && opens_at(t, next)).then_some(Close::Paragraph(j, next));
        }
        if j > open + 1 && closers.contains(&c) && closes_at(t, j, c) {
            if !apostrophe_like(c) || !maybe_apostrophe(t, j) {
                return Some(Close::At(j));
            }
            maybe.get_or_insert(j);
        } else if c == mark && opens_at(t, j) {
            // The next quote opens: the uncertain mark closed this one, or (a mark
            // that only opens) this mark was stray.
            if maybe.is_some() {
                break;
            }
            if !symmetric(mark) {
                return None;
            }
        }
    }
    maybe.map(Close::At)
}

fn push(t: &Chars, out: &mut Vec<Found>, open_at: usize, close_at: usize, flags: (bool, bool)) {
    let mut s = open_at + 1;
    let mut e = close_at;
    while s < e && t.c[s].is_whitespace() {
        s += 1;
    }
    while e > s && (t.c[e - 1].is_whitespace() || t.c[e - 1] == ',') {
        e -= 1;
    }
    if e > s && t.c[s..e].iter().any(|c| c.is_alphanumeric()) {
        out.push(Found {
            range: CharRange::new(s, e),
            open_at,
            close_at,
            continued: flags.0,
            inner: flags.1,
        });
    }
}

/// Every quotation in the text, in order, each inner one right after its outer one.
pub(super) fn find_marks(t: &Chars) -> Vec<Found> {
    let mut out = Vec::new();
    let mut continued = false;
    let mut i = 0;
    while i < t.len() {
        // Skip to the next quotation mark (or other stop).
        i = t.stop_from(i);
        if i == t.len() {
            break;
        }
        let c = t.c[i];
        if closers(c).is_empty() || !opens_at(t, i) {
            i += 1;
            continue;
        }
        match close_of(t, i, c, t.len()) {
            Some(Close::At(j)) => {
                push(t, &mut out, i, j, (continued, false));
                inner_quotes(t, &mut out, c, (i + 1, j));
                continued = false;
                i = j + 1;
            }
            Some(Close::Paragraph(line_end, next)) => {
                push(t, &mut out, i, line_end, (continued, false));
                inner_quotes(t, &mut out, c, (i + 1, line_end));
                continued = true;
                i = next;
            }
            None => {
                continued = false;
                i += 1;
            }
        }
    }
    out
}

/// Quotations inside the quote opened by `outer` over `start..end`.
fn inner_quotes(t: &Chars, out: &mut Vec<Found>, outer: char, (start, end): (usize, usize)) {
    let openers = inner_openers(outer);
    let mut i = start;
    while i < end {
        let c = t.c[i];
        let opens = openers.contains(&c)
            && (opens_at(t, i)
                || i == start
                    && t.get(i + 1).is_some_and(|n| !n.is_whitespace())
                    && !(apostrophe_like(c) && elision(t, i + 1)));
        if opens && let Some(Close::At(j)) = close_of(t, i, c, end) {
            push(t, out, i, j, (false, true));
            i = j;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotes::find;
    use super::*;

    /// (span, speaker, confidence) of each quote suggestion.
    fn quotes(text: &str) -> Vec<(String, Option<String>, f32)> {
        let t = Chars::new(text);
        find(&t)
            .into_iter()
            .map(|s| {
                let span = t.string(s.range.start.0, s.range.end.0);
                (span, s.attributes.get("speaker").cloned(), s.confidence)
            })
            .collect()
    }

    fn spans(text: &str) -> Vec<String> {
        quotes(text).into_iter().map(|q| q.0).collect()
    }

    #[test]
    fn british_single_marks_with_double_inside() {
        let q = quotes(
            "Harbour master Glenys Parrow said the storm had been 'the worst in a decade'.\n\n\
             'We moved the boats twice,' Parrow said. 'The inspectors' own survey said, and I \
             quote, \"the wall will not last\". Nobody listened.'",
        );
        let spans: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            spans,
            [
                "the worst in a decade",
                "We moved the boats twice",
                "The inspectors' own survey said, and I quote, \"the wall will not last\". \
                 Nobody listened.",
                "the wall will not last",
            ]
        );
        assert!(
            q[..3]
                .iter()
                .all(|q| q.1.as_deref() == Some("Glenys Parrow")),
            "{q:?}"
        );
        // Words a report is quoted as saying: a quote, nobody named.
        assert_eq!(q[3].1, None);
        assert!(q[3].2 >= 0.5, "{q:?}");
    }

    #[test]
    fn apostrophes_in_british_copy_are_not_marks() {
        let text = "The Joneses' cottage, which Mr Jones's grandfather built in the '30s, \
                    hasn't changed; the neighbours' dogs still bark at rock 'n' roll, and the \
                    Smiths' van is parked where it's always been since the ’90s. Jones’ shop \
                    sells ’em by the dozen, and the twins’ aunt’s café opens at nine.";
        assert_eq!(spans(text), Vec::<String>::new());
        // Curly single marks as the main ones, apostrophes inside.
        let q = quotes("‘The Joneses’ boat isn’t ours, it’s the ’60s one,’ said Tom Hale.");
        assert_eq!(q[0].0, "The Joneses’ boat isn’t ours, it’s the ’60s one");
        assert_eq!(q[0].1.as_deref(), Some("Tom Hale"));
        assert_eq!(q.len(), 1, "{q:?}");
    }

    #[test]
    fn guillemets_with_and_without_spaces_inside() {
        let q = quotes(
            "« We are staying here », said Marie Lefort. «We leave at dawn», Lefort added. \
             Her neighbour said: « He told me ‹ never again ›, and meant it. »",
        );
        assert_eq!(q[0].0, "We are staying here");
        assert_eq!(q[0].1.as_deref(), Some("Marie Lefort"));
        assert_eq!(q[1].0, "We leave at dawn");
        assert_eq!(q[1].1.as_deref(), Some("Marie Lefort"));
        assert_eq!(q[2].0, "He told me ‹ never again ›, and meant it.");
        assert_eq!(q[3].0, "never again");
    }

    #[test]
    fn german_low_high_marks_and_danish_reversed_guillemets() {
        let q = quotes(
            "„The mill stays open,“ said Jonas Keller. „My father told me, ‚Never sell the \
             wheel‘, and I never will.“\n\n»The harbour is full«, said Mette Holm.",
        );
        assert_eq!(q[0].0, "The mill stays open");
        assert_eq!(q[0].1.as_deref(), Some("Jonas Keller"));
        assert_eq!(
            q[1].0,
            "My father told me, ‚Never sell the wheel‘, and I never will."
        );
        assert_eq!(q[2].0, "Never sell the wheel");
        assert_eq!(q[3].0, "The harbour is full");
        assert_eq!(q[3].1.as_deref(), Some("Mette Holm"));
    }

    #[test]
    fn finnish_and_swedish_marks_open_and_close_alike() {
        let q = quotes(
            "Aino Lehtonen, 81, still skis to the shop.\n\n”We ski every winter”, Aino \
             Lehtonen says. ”My mother always said, ’The snow decides’, and she was right.”\n\n\
             Her brother calls her ”the last of the old skiers” and laughs.\n\n\
             ’We sail at six’, says Erik Lund.",
        );
        let spans: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(
            spans,
            [
                "We ski every winter",
                "My mother always said, ’The snow decides’, and she was right.",
                "The snow decides",
                "the last of the old skiers",
                "We sail at six",
            ]
        );
        assert_eq!(q[0].1.as_deref(), Some("Aino Lehtonen"));
        assert_eq!(q[1].1.as_deref(), Some("Aino Lehtonen"));
        assert_eq!(q[4].1.as_deref(), Some("Erik Lund"));
    }

    #[test]
    fn a_stray_mark_costs_one_quote_not_the_paragraph() {
        // The `“` nothing closes opens no quote; the quote after it is found.
        let found = spans("The sign read “closed. Later “We open at ten,” said Ida Berg.");
        assert_eq!(found, ["We open at ten"]);
        // Over paragraphs, the mark repeated at the start: one quote per paragraph.
        let found = spans("'The first part goes on\n\n'and ends here,' said Ida Berg.");
        assert_eq!(found, ["The first part goes on", "and ends here"]);
    }
}
