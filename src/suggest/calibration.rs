//! What a quote's confidence means: at or above [`super::ACCEPT_ALL`] ("Accept all"),
//! the speaker is right at least 95% of the time. Each rule's confidence was measured
//! on all the development material pooled (gold2 both halves, gold3, gold4 both
//! halves, and since round 5 gold5; the table is printed by `precision_per_rule_on_the_development_material` in
//! `tests/suggest_quality.rs`). A rule reaches "Accept all" only when it was seen at
//! that confidence at least ten times, right at least 95% of them pooled, and in no set
//! with five or more below 90%; the rules here were seen too rarely (or were wrong too
//! often) and stay below it whatever evidence they found, as does a bare surname that
//! two people in the article share (a guess between relatives).

use super::attribution::{Attribution, Context};
use super::text::nearest_mention;
use crate::model::CharRange;

/// Below "Accept all": the highest confidence these rules may give.
const UNPROVEN: f32 = 0.75;

/// Rules kept below "Accept all", with what the development material showed (right
/// of all suggestions, pooled, before round 4's capping).
const BELOW_ACCEPT_ALL: &[&str] = &[
    // 11 of 12; a role noun near a name four thousand characters back is a guess.
    "description resolved to a named person",
    // 3 of 4.
    "first person in an interview answer",
    // 4 of 5.
    "pronoun resolved to the nearest person its gender fits",
    // 6 of 6, 2 of them at or above 0.8: too few to know.
    "pronoun resolved to the nearest person named",
    // 4 of 4, 3 at or above 0.8: too few to know.
    "colon after a named speaker",
    // 3 of 3, 1 at or above 0.8: too few to know.
    "quote continued over paragraphs",
    // Seen at 0.85 once (gold8, right): too few to know.
    "description by age resolved to the person it follows",
    // 12 of 12 since round 4 (11 of 13 before: `the company` after `Ferry operator
    // Fjordlink`), 7 at or above 0.8: too few to know.
    "description resolved to an organisation",
];

/// The attribution of the quote between the marks `open` and `close`, its confidence
/// capped where the development material says it is not sure enough.
pub(super) fn calibrated(
    cx: &Context,
    mut a: Attribution,
    open: usize,
    close: usize,
) -> Attribution {
    let guessed_relative = a
        .speakers
        .iter()
        .any(|s| cx.names.shared_surname(s) && !named_in_full(cx, s, open, close));
    if guessed_relative || BELOW_ACCEPT_ALL.contains(&a.rule) {
        a.confidence = a.confidence.min(UNPROVEN);
    }
    a
}

/// Is `name` written in full in the sentence of the quote at `open`..`close` (before
/// it, or in the words after it up to the end of the sentence)?
fn named_in_full(cx: &Context, name: &str, open: usize, close: usize) -> bool {
    let t = cx.t;
    let from = cx.sentence_start(open);
    let to = (close + 1..t.len())
        .find(|&i| matches!(t.c[i], '.' | '!' | '?' | '\n' | '“' | '"' | '«'))
        .unwrap_or(t.len());
    let quote = CharRange::new(open, close + 1);
    nearest_mention(t, name, quote).is_some_and(|m| m.start.0 >= from && m.end.0 <= to)
}
