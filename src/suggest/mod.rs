//! Suggestions: spans a machine can find for the annotator to accept or reject. Pure
//! functions of a document's text, rules and one small linear model, fast and
//! explainable: each suggestion names the rule that made it and a confidence.
//!
//! - [`quotes`]: text between quotation marks in any newsroom convention (read from
//!   the marks themselves by `marks`) and quotations inside them, with the speaker
//!   found by `attribution`, `appositions`, `reporting` and `frames` (names from `names`, pronouns resolved by a
//!   pass over the article's sentences in `discourse` with genders from `gender`,
//!   descriptions and the other pronouns in `resolve`, word lists in `lexicon`,
//!   quotes inside quotes in `inner`, titles taken off names in `titles`, and where
//!   the rules find no one, a guess ranked by a model fitted on the gold sets in
//!   `ranker`).
//! - [`figures`]: numbers with their unit, scale, currency or counted noun; years as
//!   dates.
//! - [`claims`]: sentences with a reporting or assertion verb (low confidence).

mod appositions;
mod attribution;
#[cfg(test)]
mod attribution_tests;
mod calibration;
pub mod claims;
mod discourse;
#[cfg(test)]
mod discourse_tests;
mod figure_forms;
pub mod figures;
mod frames;
mod gender;
mod gender_words;
#[cfg(test)]
mod generalise9_more_tests;
#[cfg(test)]
mod generalise9_tests;
#[cfg(test)]
mod generalise_tests;
mod given_names;
mod inner;
mod lexicon;
mod lists;
mod marks;
mod names;
mod org_words;
pub mod quotes;
mod ranker;
#[cfg(test)]
mod ranker_training;
mod reporting;
mod resolve;
mod sentences;
mod text;
mod titles;

use crate::model::{Attributes, CharRange};

/// A proposed span.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub label: String,
    pub range: CharRange,
    pub attributes: Attributes,
    /// 0..=1; the window and the CLI offer those at or above [`CONFIDENT`] first.
    pub confidence: f32,
    /// The rule that made it, for the user ("curly quotes", "number + noun", ...).
    pub rule: &'static str,
    /// Where the text names a quote's speaker (the mention nearest the quote): the
    /// other end of the *attributed to* link the suggestion proposes.
    pub speaker_at: Option<CharRange>,
}

/// Suggestions at or above this confidence count as the detector's answer.
pub const CONFIDENT: f32 = 0.5;

/// Suggestions at or above this confidence are tagged by "Accept all" (the window and
/// `spanmark suggest --apply`): calibrated on the evaluation sets so that at least 95%
/// of them are right, a quote's speaker included (`tests/suggest_quality.rs`).
pub const ACCEPT_ALL: f32 = 0.8;

/// Every suggestion for `text` of the given labels (all three when `labels` is empty),
/// sorted by (start, end, label).
pub fn suggest(text: &str, labels: &[&str]) -> Vec<Suggestion> {
    let wants = |l: &str| labels.is_empty() || labels.contains(&l);
    let chars = text::Chars::new(text);
    let mut out = Vec::new();
    if wants("quote") {
        out.extend(quotes::find(&chars));
    }
    if wants("figure") {
        out.extend(figures::find(&chars));
    }
    if wants("claim") {
        out.extend(claims::find(&chars));
    }
    out.sort_by(|a, b| (a.range, &a.label).cmp(&(b.range, &b.label)));
    out
}
