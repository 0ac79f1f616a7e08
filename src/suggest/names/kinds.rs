//! What the article says a run is, beyond its words: a name after a preposition
//! that the article also uses alone is a person (`comes from Sólveig Ragnarsdóttir …
//! Ragnarsdóttir is cautious`); a name it refers to as a thing (`X, for its part`,
//! `X, which`, `The operator, X,`) is no person anywhere in it.

use super::Run;
use crate::suggest::text::Chars;
use std::collections::HashSet;

/// Nouns for a business that a name in apposition is (`The operator, Rávdnji Nickel,`).
const BUSINESS_NOUNS: &[&str] = &[
    "company",
    "operator",
    "firm",
    "carrier",
    "exporter",
    "manufacturer",
    "retailer",
    "supplier",
    "contractor",
    "developer",
    "publisher",
    "broadcaster",
];

/// Turns the runs taken for places only for the preposition before them
/// (`from_place`, indices) into people where the article uses their last word alone,
/// and marks the runs the article calls a thing; returns the things' names.
pub(super) fn people_and_things(
    t: &Chars,
    runs: &mut [Run],
    from_place: Vec<usize>,
) -> Vec<String> {
    let alone: HashSet<&str> = runs
        .iter()
        .filter(|r| r.words == 1 && !r.quoted && !r.not_person)
        .map(|r| r.text.as_str())
        .collect();
    let people: Vec<usize> = from_place
        .into_iter()
        .filter(|&k| !runs[k].is_org() && alone.contains(runs[k].last_word()))
        .collect();
    for k in people {
        runs[k].not_person = false;
    }
    let things: HashSet<String> = runs
        .iter()
        .filter(|r| {
            let after = t.str(r.end, (r.end + 14).min(t.len()));
            let apposed = r.start >= 2
                && t.str(r.start - 2, r.start) == ", "
                && t.word_before(r.start - 2)
                    .is_some_and(|w| BUSINESS_NOUNS.contains(&t.str(w.0, w.1)));
            apposed
                || [", for its ", ", which ", " and its "]
                    .iter()
                    .any(|p| after.starts_with(p))
        })
        .map(|r| r.text.clone())
        .collect();
    for r in runs.iter_mut().filter(|r| things.contains(&r.text)) {
        r.not_person = true;
    }
    things.into_iter().collect()
}
