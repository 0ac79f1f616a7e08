//! Sentences and the words around a sentence's subject, for [`super::discourse`]: the
//! text cut into sentences (a quote ending in `.`, `!` or `?` ends its sentence when a
//! capital or a line break follows), the openers and introductory phrases before a
//! subject, and the nouns that name a person without a name; and, for
//! [`super::names`], which capitalised sentence openers the text also writes in lower
//! case (ordinary words, not names).

use super::gender_words::noun_gender;
use super::lexicon::{ROLES, VERBS};
use super::text::{Chars, Shapes, WordBuild, WordSet};
use std::borrow::Cow;
use std::collections::HashMap;

/// Auxiliaries that end a subject.
pub(super) static AUXILIARIES: WordSet = WordSet::new(&[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "did",
    "does",
]);

/// A verb right after a lone name: a reporting verb, an auxiliary, a past tense.
pub(super) fn acts(w: &str) -> bool {
    VERBS.contains(&w)
        || AUXILIARIES.contains(&w)
        || (w.ends_with("ed") && w.len() > 3)
        || matches!(
            w,
            "spoke" | "went" | "came" | "met" | "left" | "took" | "gave" | "made"
        )
}

/// Words a sentence can open with before its subject.
pub(super) static OPENERS: WordSet =
    WordSet::new(&["but", "and", "then", "later", "meanwhile", "still", "now"]);

/// A sentence opening with one of these has its subject after the first comma.
pub(super) static INTRO: WordSet = WordSet::new(&[
    "in", "on", "at", "after", "before", "outside", "inside", "asked", "speaking", "pressed",
    "reading", "during", "for", "with", "since", "until", "when", "writing",
]);

/// Nouns for people with no name (beside roles and gendered nouns).
static PEOPLE: WordSet = WordSet::new(&[
    "person",
    "man",
    "woman",
    "worker",
    "resident",
    "witness",
    "neighbour",
    "neighbor",
    "colleague",
    "friend",
    "source",
    "member",
    "deputy",
    "lawyer",
    "teacher",
    "doctor",
    "nurse",
    "officer",
    "employee",
    "rescuer",
    "firefighter",
    "driver",
    "passenger",
    "student",
    "child",
    "parent",
    "grandparent",
    "owner",
    "farmer",
    "shopkeeper",
    "coach",
    "captain",
    "player",
    "guide",
    "volunteer",
    "pilot",
    "engineer",
    "activist",
    "campaigner",
    "supporter",
    "pensioner",
]);

/// A noun for a person (`minister`, `husband`, `resident`, `the 54-year-old`,
/// `the mayor-elect`).
pub(super) fn person_noun(w: &str) -> bool {
    // `the mayor-elect`, `the president-elect`.
    let w = w.strip_suffix("-elect").unwrap_or(w);
    let w = w.trim_end_matches('s');
    ROLES.contains(&w)
        || PEOPLE.contains(&w)
        || noun_gender(w).is_some()
        || w.ends_with("-year-old")
}

/// The sentences of the text as (start, end), quoted passages inside them: a quote
/// ending in `.`, `!` or `?` ends its sentence when a capital or a line break follows.
/// `top_quote_at(i)` gives the closing mark of the quote opened at `i`; it is asked
/// only where a quotation mark stands (`Chars::is_mark`), as a quote opens at one.
pub(super) fn sentences(
    t: &Chars,
    top_quote_at: impl Fn(usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let next_opens = |from: usize| {
        let j = (from..t.len()).find(|&j| t.c[j] != ' ');
        j.is_none_or(|j| !t.is_lower(j))
    };
    while i < t.len() {
        // Only marks, sentence ends and line breaks matter here.
        i = t.stop_from(i);
        if i == t.len() {
            break;
        }
        if Chars::is_mark(t.c[i])
            && let Some(close) = top_quote_at(i)
        {
            i = close + 1;
            if close > 0 && matches!(t.c[close - 1], '.' | '!' | '?') && next_opens(i) {
                out.push((start, i));
                start = i;
            }
            continue;
        }
        let c = t.c[i];
        if c == '\n' {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        } else if matches!(c, '.' | '!' | '?')
            && (i + 1 >= t.len() || t.is_space(i + 1))
            && next_opens(i + 1)
        {
            out.push((start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < t.len() {
        out.push((start, t.len()));
    }
    out
}

/// For each of `words` (word starts in text order), whether `asked(k)` holds and its
/// lower case stands in the text as a word of its own (starting with a lower-case
/// letter, under 16 code points): `For` opening `For Wrona` is an ordinary word.
pub(super) fn seen_in_lower_case(
    t: &Chars,
    words: &[(usize, usize)],
    asked: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let keys: Vec<(usize, Cow<str>)> = (0..words.len())
        .filter(|&k| asked(k))
        .map(|k| (k, t.lower(words[k].0, words[k].1)))
        .collect();
    let mut seen: HashMap<&str, bool, WordBuild> = HashMap::default();
    let mut shapes = Shapes::default();
    for (_, key) in &keys {
        shapes.add(key);
        seen.insert(key, false);
    }
    if !seen.is_empty() {
        for &(s, e) in words {
            if t.is_lower(s)
                && e - s < 16
                && shapes.may_hold(t.str(s, e))
                && let Some(seen) = seen.get_mut(t.str(s, e))
            {
                *seen = true;
            }
        }
    }
    let mut out = vec![false; words.len()];
    for (k, key) in &keys {
        out[*k] = seen[key.as_ref()];
    }
    out
}
