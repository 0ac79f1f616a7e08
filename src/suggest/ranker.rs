//! A second, learned opinion on who said a quote. Every person or organisation the
//! discourse pass saw in the quote's sentence, the three sentences before it and the
//! sentence after it is a candidate, described by a few features (how far back, the
//! subject of its sentence or not, named inside the quote, the previous quote's
//! speaker, a pronoun standing for it …). A linear model scores them and a softmax
//! over the candidates gives each a probability. The weights are not chosen by hand:
//! `ranker_training.rs` fits them on the development gold sets (and a test checks that
//! [`WEIGHTS`] is what that fit gives); it also reports each set's accuracy when the
//! model was fitted without it.
//!
//! Used where the rules find no speaker: the most likely candidate is offered below
//! "Accept all", named as a guess.

use super::attribution::Context;
use super::text::Chars;

/// The features of a candidate, each 0 or 1 unless said otherwise.
pub(super) const FEATURES: usize = 17;
/// Mentioned before the quote in the quote's own sentence.
const OWN: usize = 0;
/// The subject of the quote's own sentence.
const OWN_SUBJECT: usize = 1;
/// Mentioned after the quote, in its sentence or the next one in its paragraph.
const AFTER: usize = 2;
/// Mentioned in the sentence before.
const PREVIOUS: usize = 3;
/// The subject of the sentence before.
const PREVIOUS_SUBJECT: usize = 4;
/// Mentioned two or three sentences back only.
const FAR: usize = 5;
/// The subject of a sentence two or three back.
const FAR_SUBJECT: usize = 6;
/// Mentioned in the quote's paragraph before it.
const PARAGRAPH: usize = 7;
/// The speaker of the quote before.
const LAST_SPEAKER: usize = 8;
/// Named inside the quote itself.
const IN_QUOTE: usize = 9;
/// An organisation, not a person.
const ORGANISATION: usize = 10;
/// A pronoun or a description stood for it.
const PRONOUN: usize = 11;
/// The candidate mentioned nearest before the quote.
const NEAREST: usize = 12;
/// ln(1 + mentions) in these sentences.
const MENTIONS: usize = 13;
/// Always 1: against "nobody here said it", which scores 0.
const ANYONE: usize = 14;
/// The quote's sentence has words of its own before the quote, and the candidate is
/// not that sentence's subject (`The crowd shouted "…"`, `Its petition states "…"`).
const NOT_THE_SUBJECT: usize = 15;
/// The quote stands alone: no words of the article's own between it and the end of the
/// sentence or colon before it, nor after it to the end of its sentence.
const ALONE: usize = 16;

/// The feature names, for the training report.
#[cfg(test)]
pub(super) const FEATURE_NAMES: [&str; FEATURES] = [
    "own sentence",
    "own subject",
    "after the quote",
    "previous sentence",
    "previous subject",
    "2-3 back",
    "2-3 back subject",
    "same paragraph",
    "last speaker",
    "named in the quote",
    "organisation",
    "pronoun",
    "nearest",
    "ln(1+mentions)",
    "anyone (against nobody)",
    "not the subject of the quote's sentence",
    "the quote stands alone",
];

/// Fitted by `ranker_training::the_weights_are_what_the_fit_gives`.
pub(super) const WEIGHTS: [f32; FEATURES] = [
    0.659, 0.182, 1.335, -0.084, 0.150, -0.913, -0.552, 0.733, -0.409, -0.119, -0.642, -0.204,
    0.431, 0.498, 0.124, -1.112, 0.742,
];

/// Below this probability the ranker gives no speaker. Fitted without a set, its offers
/// where the rules find none were right 11 of 17 times over gold to gold8
/// (`ranker_training.rs`; about one in two when offered for every quote, not only those
/// that stand alone): a guess for the annotator to check, never near "Accept all".
pub(super) const LEAST: f32 = 0.6;

/// How many sentences back candidates come from, and how far in code points.
const BACK: usize = 3;
const REACH: usize = 1_500;

#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) name: String,
    pub(super) x: [f32; FEATURES],
}

/// The candidates for the quote between the marks `open` and `close`, after a quote
/// said by `last` (empty when unknown).
pub(super) fn candidates(
    cx: &Context,
    open: usize,
    close: usize,
    last: &[String],
) -> Vec<Candidate> {
    let d = &cx.discourse;
    let t = cx.t;
    let k = d.sentence_of(open);
    let paragraph = t.c[..open]
        .iter()
        .rposition(|&c| c == '\n')
        .map_or(0, |p| p + 1);
    let para_end = t.c[close..]
        .iter()
        .position(|&c| c == '\n')
        .map_or(t.len(), |p| close + p);
    let mut out: Vec<Candidate> = Vec::new();
    let mut nearest: Option<(usize, usize)> = None;
    let mut counts: Vec<f32> = Vec::new();
    let mut note = |name: &str, set: &[usize], at: Option<usize>| {
        let i = match out.iter().position(|c| c.name == name) {
            Some(i) => i,
            None => {
                out.push(Candidate {
                    name: name.to_owned(),
                    x: [0.0; FEATURES],
                });
                counts.push(0.0);
                out.len() - 1
            }
        };
        for &f in set {
            out[i].x[f] = 1.0;
        }
        counts[i] += 1.0;
        if let Some(at) = at
            && nearest.is_none_or(|(best, _)| at > best)
        {
            nearest = Some((at, i));
        }
    };
    for back in 0..=BACK {
        let Some(j) = k.checked_sub(back) else { break };
        let Some(start) = d.sentence_start(j) else {
            break;
        };
        if back > 0 && open.saturating_sub(start) > REACH {
            break;
        }
        for seen in d.seen_in(j) {
            if (open..=close).contains(&seen.at) {
                continue;
            }
            let mut set: Vec<usize> = Vec::with_capacity(4);
            let before = seen.at < open;
            match back {
                0 if before => {
                    set.push(OWN);
                    if seen.subject {
                        set.push(OWN_SUBJECT);
                    }
                }
                0 => set.push(AFTER),
                1 => {
                    set.push(PREVIOUS);
                    if seen.subject {
                        set.push(PREVIOUS_SUBJECT);
                    }
                }
                _ => {
                    set.push(FAR);
                    if seen.subject {
                        set.push(FAR_SUBJECT);
                    }
                }
            }
            if before && seen.at >= paragraph {
                set.push(PARAGRAPH);
            }
            if seen.pronoun {
                set.push(PRONOUN);
            }
            if !cx
                .names
                .run_at(seen.at)
                .is_some_and(|r| cx.names.is_person(r))
                && !seen.pronoun
            {
                set.push(ORGANISATION);
            }
            note(seen.name, &set, before.then_some(seen.at));
        }
    }
    // The sentence after the quote, when it is in the quote's paragraph.
    if let Some(start) = d
        .sentence_start(k + 1)
        .filter(|&s| s > close && s < para_end)
    {
        for seen in d.seen_in(k + 1).filter(|s| s.at >= start) {
            let mut set = vec![AFTER];
            if seen.pronoun {
                set.push(PRONOUN);
            }
            note(seen.name, &set, None);
        }
    }
    // In an interview answer the person answering says `I`: quoted words there are
    // somebody else's.
    if let Some(answerer) = cx.answerer(open)
        && let Some(i) = out.iter().position(|c| c.name == answerer)
    {
        out.remove(i);
        counts.remove(i);
        nearest = nearest
            .filter(|&(_, n)| n != i)
            .map(|(at, n)| (at, if n > i { n - 1 } else { n }));
    }
    if let Some((_, i)) = nearest {
        out[i].x[NEAREST] = 1.0;
    }
    let alone = stands_alone(cx, open, close);
    let own_words = d
        .sentence_start(k)
        .is_some_and(|start| (start..open).any(|i| t.c[i].is_alphabetic() && !cx.in_top_quote(i)));
    for (c, n) in out.iter_mut().zip(&counts) {
        c.x[MENTIONS] = n.ln_1p();
        c.x[ANYONE] = 1.0;
        if own_words && c.x[OWN_SUBJECT] == 0.0 {
            c.x[NOT_THE_SUBJECT] = 1.0;
        }
        if alone {
            c.x[ALONE] = 1.0;
        }
        // A later mention lowered FAR's meaning: only the nearest tier counts.
        if c.x[OWN] + c.x[PREVIOUS] > 0.0 {
            c.x[FAR] = 0.0;
            c.x[FAR_SUBJECT] = 0.0;
        }
        let surname = c.name.split(' ').next_back().unwrap_or(&c.name);
        if cx
            .names
            .after(open, close - open)
            .take_while(|r| r.start < close)
            .any(|r| r.text.split(' ').next_back() == Some(surname))
        {
            c.x[IN_QUOTE] = 1.0;
        }
        if last.iter().any(|l| l == &c.name) {
            c.x[LAST_SPEAKER] = 1.0;
        }
    }
    out
}

/// The score of a candidate under `w`.
pub(super) fn score(w: &[f32; FEATURES], x: &[f32; FEATURES]) -> f32 {
    w.iter().zip(x).map(|(w, x)| w * x).sum()
}

/// The most likely candidate and its probability, against the other candidates and
/// "nobody here said it" (which scores 0).
pub(super) fn best(w: &[f32; FEATURES], candidates: &[Candidate]) -> Option<(usize, f32)> {
    let scores: Vec<f32> = candidates.iter().map(|c| score(w, &c.x)).collect();
    let top = scores.iter().copied().fold(0.0, f32::max);
    let sum: f32 = scores.iter().map(|s| (s - top).exp()).sum::<f32>() + (-top).exp();
    let i = scores.iter().position(|&s| s == top)?;
    Some((i, 1.0 / sum))
}

/// The candidate the ranker offers, if it is sure enough: at least [`LEAST`] likely,
/// for a quote that stands alone (a paragraph of its own, or after a colon or a full
/// stop). A quote inside a sentence of the article's own words is the rules' to read
/// (`The crowd shouted "…"`, `Its petition, addressed to X, states "…"`, `"…," the
/// person said`): where they found no one, a name nearby is no better a guess.
pub(super) fn offer(w: &[f32; FEATURES], candidates: &[Candidate]) -> Option<(usize, f32)> {
    best(w, candidates).filter(|&(i, p)| p >= LEAST && candidates[i].x[ALONE] == 1.0)
}

/// Does the quote between `open` and `close` stand alone: nothing but spaces and
/// punctuation back to a full stop, a colon or a line break, and forward to the next?
fn stands_alone(cx: &Context, open: usize, close: usize) -> bool {
    let t = cx.t;
    let boundary = |c: char| matches!(c, '.' | '!' | '?' | ':' | '\n');
    let before = t.c[..open]
        .iter()
        .rev()
        .find(|c| c.is_alphanumeric() || boundary(**c));
    // A quote ending in a full stop ends its sentence: what follows is the next one.
    let ended = close > 0 && matches!(t.c[close - 1], '.' | '!' | '?');
    let after = t.c[close + 1..]
        .iter()
        .find(|c| c.is_alphanumeric() || boundary(**c) || Chars::is_mark(**c));
    before.is_none_or(|c| boundary(*c)) && (ended || after.is_none_or(|c| !c.is_alphanumeric()))
}

/// The speaker the ranker offers, if it is sure enough.
pub(super) fn speaker(cx: &Context, open: usize, close: usize, last: &[String]) -> Option<String> {
    let candidates = candidates(cx, open, close, last);
    let (i, _) = offer(&WEIGHTS, &candidates)?;
    Some(candidates[i].name.clone())
}

#[cfg(test)]
mod tests {
    use crate::suggest::{ACCEPT_ALL, suggest};

    fn quote<'a>(
        all: &'a [crate::suggest::Suggestion],
        text: &str,
        words: &str,
    ) -> &'a crate::suggest::Suggestion {
        let start = text[..text.find(words).unwrap()].chars().count();
        all.iter()
            .find(|s| s.label == "quote" && s.range.start.0 == start)
            .unwrap()
    }

    #[test]
    fn a_quote_paragraph_after_a_named_speaker_is_offered_as_a_guess() {
        let text = "Harbour master Ilse Brandvold walked the length of the pier at dawn and \
                    counted the broken moorings.\n\n\u{201c}Nine boats are gone. We will find \
                    some of them on the rocks tomorrow.\u{201d}\n";
        let all = suggest(text, &["quote"]);
        let q = quote(&all, text, "Nine boats");
        assert_eq!(
            q.attributes.get("speaker").map(String::as_str),
            Some("Ilse Brandvold")
        );
        assert!(q.rule.contains("learned ranking"), "{}", q.rule);
        assert!(q.confidence < ACCEPT_ALL);
    }

    #[test]
    fn nobody_named_nearby_gives_no_guess() {
        let text = "The storm passed in the night.\n\n\u{201c}Nine boats are gone. We will \
                    find some of them on the rocks tomorrow.\u{201d}\n";
        let all = suggest(text, &["quote"]);
        let q = quote(&all, text, "Nine boats");
        assert_eq!(q.attributes.get("speaker"), None);
    }

    #[test]
    fn the_person_just_before_wins_over_one_further_back() {
        let text = "Mayor Tomas Reinholt opened the meeting. The agenda ran to four pages. \
                    Nobody objected to it.\n\nCouncillor Aino Vesterlund stood up at the \
                    back of the hall. \u{201c}We were promised a bridge, and we got a \
                    brochure.\u{201d}\n";
        let all = suggest(text, &["quote"]);
        let q = quote(&all, text, "We were promised");
        assert_eq!(
            q.attributes.get("speaker").map(String::as_str),
            Some("Aino Vesterlund"),
            "{}",
            q.rule
        );
    }
}
