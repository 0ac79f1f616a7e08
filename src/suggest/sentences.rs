//! Sentences and the words around a sentence's subject, for [`super::discourse`]: the
//! text cut into sentences (a quote ending in `.`, `!` or `?` ends its sentence when a
//! capital or a line break follows), the openers and introductory phrases before a
//! subject, and the nouns that name a person without a name.

use super::gender_words::noun_gender;
use super::lexicon::{ROLES, VERBS};
use super::text::Chars;

/// Auxiliaries that end a subject.
pub(super) const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could", "did",
    "does",
];

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
pub(super) const OPENERS: &[&str] = &["but", "and", "then", "later", "meanwhile", "still", "now"];

/// A sentence opening with one of these has its subject after the first comma.
pub(super) const INTRO: &[&str] = &[
    "in", "on", "at", "after", "before", "outside", "inside", "asked", "speaking", "pressed",
    "reading", "during", "for", "with", "since", "until", "when", "writing",
];

/// Nouns for people with no name (beside roles and gendered nouns).
const PEOPLE: &[&str] = &[
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
];

/// A noun for a person (`minister`, `husband`, `resident`, `the 54-year-old`).
pub(super) fn person_noun(w: &str) -> bool {
    let w = w.trim_end_matches('s');
    ROLES.contains(&w)
        || PEOPLE.contains(&w)
        || noun_gender(w).is_some()
        || w.ends_with("-year-old")
}

/// The sentences of the text as (start, end), quoted passages inside them: a quote
/// ending in `.`, `!` or `?` ends its sentence when a capital or a line break follows.
pub(super) fn sentences(
    t: &Chars,
    top_quote_at: impl Fn(usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let next_opens = |from: usize| {
        let j = (from..t.len()).find(|&j| t.c[j] != ' ');
        j.is_none_or(|j| !t.c[j].is_lowercase())
    };
    while i < t.len() {
        if let Some(close) = top_quote_at(i) {
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
            && t.get(i + 1).is_none_or(char::is_whitespace)
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
