//! The forms of a figure beyond a number and the word after it, kept apart from the
//! scanner in [`super::figures`]: thousands grouped by spaces (`1 200 tremors`), ages
//! written as compounds (`the 61-year-old`), units with a slash (`143 km/h`), ranges
//! whose ends both carry their currency or scale (`€4 million to €6 million`), `one`
//! counting a noun (`one net`), and a number word standing alone for what the sentence
//! already counts (`seven of them`, `a majority of eight`).
//!
//! Equally general are the forms that are *not* figures, or not what the number
//! counts: a clock time (`16:42`, `5 a.m.`, `at nine`, `ten past seven`, `eleven
//! tonight`), a day of the month (`March 14`), a label (`day three`, `Number 3
//! line`), a vague amount (`a few hundred`), and words that cannot be a counted noun
//! after a number — pronouns, auxiliaries, adverbs of time and particles (`dug out 19
//! himself`, `six off`), any word after a year-shaped number (`In 2019 you wrote`,
//! `the 2019 water law`), and a word after a unit of measure (`four degrees warmer`).

use super::Suggestion;
use super::text::{Chars, WordSet};
use std::borrow::Cow;

/// Words after a number that cannot be what it counts, beyond the articles,
/// prepositions and verbs of `figures::NOT_COUNTED`.
static NOT_A_NOUN: WordSet = WordSet::new(&[
    "i",
    "you",
    "we",
    "he",
    "she",
    "they",
    "me",
    "him",
    "her",
    "us",
    "them",
    "my",
    "your",
    "our",
    "their",
    "his",
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "themselves",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "then",
    "off",
    "past",
    "up",
    "down",
    "out",
    "back",
    "away",
    "apart",
    "do",
    "does",
    "did",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "be",
    "been",
    "not",
    "no",
    "there",
    "here",
    "if",
    "because",
    "though",
    "where",
    "what",
    "how",
    "why",
    "again",
    "ever",
    "never",
    "else",
    "another",
    "later",
    "earlier",
    "instead",
    "yet",
    "against",
    "between",
    "through",
    "during",
    "without",
    "within",
    "across",
    "these",
    "those",
    "whose",
    "any",
    "every",
]);

/// Can the lowercase word `w` after a number not be what it counts?
pub(super) fn not_a_noun(w: &str) -> bool {
    NOT_A_NOUN.contains(&w)
}

/// Units of measure: a word after them is not counted (`four degrees warmer`).
pub(super) static MEASURES: WordSet =
    WordSet::new(&["km", "kg", "tonnes", "tons", "degrees", "mph", "kph"]);

/// Thousands grouped by spaces: the digits `start..end` (one to three) followed by
/// groups of exactly three digits (`1 200`, `6 300`, `1 400 000`); the new end.
pub(super) fn space_groups(t: &Chars, start: usize, end: usize) -> usize {
    let first = end - start;
    if !(1..=3).contains(&first) || !t.c[start..end].iter().all(char::is_ascii_digit) {
        return end;
    }
    // Not the tail of a number already read ("2019 200": a year, then a count).
    if start >= 2 && t.c[start - 1] == ' ' && t.c[start - 2].is_ascii_digit() {
        return end;
    }
    let mut e = end;
    while t.get(e) == Some(' ')
        && (e + 1..e + 4).all(|k| t.get(k).is_some_and(|c| c.is_ascii_digit()))
        && !t.get(e + 4).is_some_and(|c| c.is_ascii_digit())
    {
        e += 4;
    }
    e
}

/// An age written as a compound after the number ending at `end` (`61-year-old`,
/// `-year-olds`): the new end.
pub(super) fn age_suffix(t: &Chars, end: usize) -> Option<usize> {
    let rest = t.str(end, end + 10);
    let len = if rest.starts_with("-year-olds") {
        10
    } else if rest.starts_with("-year-old") {
        9
    } else {
        return None;
    };
    (!t.is_word(end + len)).then_some(end + len)
}

/// Is the word `w` a number word with an age compound (`fifty-year-old`)? The number
/// word before the compound.
pub(super) fn age_word(w: &str) -> Option<&str> {
    w.strip_suffix("-year-olds")
        .or_else(|| w.strip_suffix("-year-old"))
}

/// A unit with a slash after the unit ending at `end` (`km/h`, `m/s`): the new end.
pub(super) fn slash_unit(t: &Chars, end: usize) -> Option<usize> {
    if t.get(end) != Some('/') {
        return None;
    }
    let letters = (end + 1..t.len()).take_while(|&k| t.is_alpha(k)).count();
    ((1..=3).contains(&letters) && !t.is_word(end + 1 + letters)).then_some(end + 1 + letters)
}

fn lower_word(t: &Chars, w: (usize, usize)) -> Cow<'_, str> {
    t.lower(w.0, w.1)
}

static MONTHS: WordSet = WordSet::new(&[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]);

/// A clock time (`16:42`) or a day of the month (`March 14`, `14 March`): no figure.
pub(super) fn time_or_day(t: &Chars, start: usize, end: usize) -> bool {
    let clock = (t.get(end) == Some(':') && t.get(end + 1).is_some_and(|c| c.is_ascii_digit()))
        || (start >= 2 && t.c[start - 1] == ':' && t.c[start - 2].is_ascii_digit());
    let month_before = t
        .word_before(start)
        .is_some_and(|w| MONTHS.contains(&t.str(w.0, w.1)));
    let month_after = t.get(end) == Some(' ')
        && t.word_at(end + 1)
            .is_some_and(|w| MONTHS.contains(&t.str(w.0, w.1)));
    clock || month_before || month_after
}

/// Is the number `start..end` a clock time or a label rather than a quantity?
/// Digits followed by `a.m.`/`pm`; a number word after `at`, `past`, `day` or
/// `between`, or before `o'clock`, `past`, `tonight`, `in the morning`.
pub(super) fn clock_or_label(t: &Chars, start: usize, end: usize, digits: bool) -> bool {
    let before = t.words_before(start, 2);
    let prev = before.first().map(|&w| lower_word(t, w));
    let adjacent = before.first().is_some_and(|w| t.c[w.1..start] == [' ']);
    // `by eleven.`, `until nine`, `a bus at 6.40`: a time after a preposition of time,
    // with no noun counted after it.
    let time_word = adjacent
        && matches!(
            prev.as_deref(),
            Some("by" | "before" | "until" | "till" | "after" | "at")
        );
    if digits {
        let text = t.str(start, end);
        let hour_minutes = text.split_once(['.', ':']).is_some_and(|(h, m)| {
            m.len() == 2
                && h.parse::<u32>().is_ok_and(|h| h <= 23)
                && m.parse::<u32>().is_ok_and(|m| m <= 59)
        });
        if time_word && hour_minutes {
            return true;
        }
        // Cheap: most numbers are followed by neither a space-and-letter nor `a`/`p`.
        let mut k = end;
        if t.get(k) == Some(' ') {
            k += 1;
        }
        if !t.get(k).is_some_and(|c| matches!(c, 'a' | 'p' | 'A' | 'P')) {
            return false;
        }
        let m = t.get(k + 1).map(|c| c.to_ascii_lowercase());
        let dotted =
            t.get(k + 1) == Some('.') && t.get(k + 2).is_some_and(|c| matches!(c, 'm' | 'M'));
        return dotted || (m == Some('m') && !t.is_word(k + 2));
    }
    let after: Vec<Cow<str>> = t
        .words_after(end, 3)
        .into_iter()
        .map(|w| lower_word(t, w))
        .collect();
    let after: Vec<&str> = after.iter().map(AsRef::as_ref).collect();
    let next_is = |w: &str| after.first() == Some(&w);
    // (A number word up to twelve after `by`, `until` … with no word after it in its
    // clause, or `that`: `shortly before ten that the fire was contained`.)
    let hour = matches!(
        t.lower(start, end).as_ref(),
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    );
    let clause_ends = t
        .get(end)
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | '”' | '"' | '’'))
        || matches!(
            after.first(),
            Some(&("that" | "and" | "when" | "in" | "on"))
        );
    if time_word && hour && clause_ends && prev.as_deref() != Some("at") {
        return true;
    }
    let label_before = adjacent
        && matches!(
            prev.as_deref(),
            Some("at" | "past" | "day" | "between" | "around" | "about")
        )
        && (prev.as_deref() != Some("around") && prev.as_deref() != Some("about")
            || before
                .get(1)
                .is_some_and(|&w| matches!(lower_word(t, w).as_ref(), "at" | "until" | "by")));
    let clock_after = next_is("o'clock")
        || next_is("o’clock")
        || next_is("past")
        || next_is("tonight")
        || matches!(after[..], ["this", "morning" | "evening" | "afternoon", ..])
        || matches!(
            after[..],
            ["in", "the", "morning" | "evening" | "afternoon" | "night"]
        )
        || matches!(after[..], ["and", _, "tonight"]);
    label_before || clock_after
}

/// A vague amount: a scale word after `few`, `several`, `some` or `many`
/// (`a few hundred demonstrators`).
pub(super) fn vague(t: &Chars, start: usize) -> bool {
    t.word_before(start).is_some_and(|w| {
        matches!(
            lower_word(t, w).as_ref(),
            "few" | "several" | "some" | "many"
        )
    })
}

/// A year-shaped number (four digits from 1800 to 2100, no separator): a date, not
/// a count, whatever word follows (`in 2019 you wrote`, `the 2019 water law`); counts
/// that size are written with a separator (`2,019 people`).
pub(super) fn year_shaped(t: &Chars, start: usize, end: usize) -> bool {
    end - start == 4
        && t.str(start, end)
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y))
}

/// `one` counting the word after it (`one net`, `one crown`): the end of that word.
/// Not a pronoun (`one of them`, `one by one`, `one another`, `One says`, `no one
/// knows`): the next word is a lowercase noun-like word, not a verb in -s.
pub(super) fn one_counts(t: &Chars, s: usize, e: usize, counted: impl Fn(&str) -> bool) -> bool {
    let pronoun_before = t.word_before(s).is_some_and(|w| {
        matches!(
            lower_word(t, w).as_ref(),
            "no" | "any" | "every" | "each" | "some" | "which" | "this" | "that" | "the"
        )
    });
    let Some(w) = t.word_at(e + 1).filter(|_| t.get(e) == Some(' ')) else {
        return false;
    };
    let w = t.str(w.0, w.1);
    let verb_s = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    !pronoun_before && !verb_s && counted(w)
}

/// Joins a range whose ends each carry their currency or scale (`€4 million to €6
/// million`, `5% to 7%`) into one figure, as the guidelines count a range; not after
/// `from` (`from 5% to 7%` is two values).
pub(super) fn join_ranges(t: &Chars, out: &mut Vec<Suggestion>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let (a0, a1, b0) = (a.range.start.0, a.range.end.0, b.range.start.0);
        // Most neighbours are not ` to ` apart: the cheap test first.
        if a1 <= b0 && t.str(a1, b0) != " to " {
            k += 1;
            continue;
        }
        let bare_end = t
            .get(a1.saturating_sub(1))
            .is_some_and(|c| c.is_ascii_digit() || c == '%')
            || t.word_before(a1).is_some_and(|w| {
                matches!(
                    lower_word(t, w).as_ref(),
                    "million" | "billion" | "bn" | "trillion" | "thousand" | "percent"
                )
            });
        let from = t
            .word_before(a0)
            .is_some_and(|w| lower_word(t, w) == "from");
        let both = [a, b].iter().all(|s| s.rule == "number + unit or noun");
        let kind = |r: &crate::model::CharRange| {
            let (s, e) = (r.start.0, r.end.0);
            let last = t.word_before(e).map(|w| lower_word(t, w));
            (
                t.get(s).filter(|c| !c.is_ascii_digit()),
                t.get(e - 1) == Some('%'),
                last,
            )
        };
        let same_kind = {
            let (ka, kb) = (kind(&a.range), kind(&b.range));
            ka.0 == kb.0 && ka.1 == kb.1 && (ka.1 || ka.2 == kb.2 || a1 - a0 <= 4)
        };
        if both && same_kind && !from && bare_end && t.str(a1, b0) == " to " {
            let (end, confidence) = (b.range.end, a.confidence.max(b.confidence));
            out[k].range.end = end;
            out[k].confidence = confidence;
            out[k].rule = "number + unit or noun";
            out.remove(k + 1);
        } else {
            k += 1;
        }
    }
}
