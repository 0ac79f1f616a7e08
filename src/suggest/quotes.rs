//! Quotes: text between quotation marks, in any of the conventions [`super::marks`]
//! reads, excluding the marks and a trailing comma that belongs to the attribution. A
//! quote interrupted by an attribution (`"X," he said, "Y"`) gives two quotes; a quote
//! running over paragraphs (the opening mark repeated at each) gives one per paragraph.
//! Short unattributed quotes are offered as likely scare
//! quotes, with low confidence, and so are terms after a cue (`so-called`) or in title
//! case, unattributed quotes in brackets (a cited headline, a gloss) and unattributed
//! words quoted inside a quote. Each quote gets a speaker from [`super::attribution`],
//! with the rule that found it.

use super::Suggestion;
use super::attribution::{Attribution, Context, is_verb};
use super::marks::{Found, find_marks};
use super::names::starts_sentence;
use super::ranker;
use super::text::{Chars, nearest_mention};
use crate::model::{Attributes, CharRange};

fn is_sentence(t: &Chars, range: CharRange) -> bool {
    t.c[range.start.0..range.end.0]
        .iter()
        .any(|c| matches!(c, '.' | '!' | '?' | ';'))
}

/// Words right before a quote that make it a name, a title or a term, not words
/// someone said.
/// The rule of a speaker only the learned ranking found.
const RANKED: &str = "the most likely speaker nearby (learned ranking)";
/// The confidence of a quote whose speaker only the learned ranking found.
const GUESS: f32 = 0.6;

const SCARE_CUES: &[&str] = &[
    "so-called",
    "word",
    "words",
    "term",
    "phrase",
    "nicknamed",
    "dubbed",
    "known",
    "titled",
    "entitled",
    "novel",
    "film",
    "documentary",
    "book",
    "song",
    "headline",
    "slogan",
    "label",
];

/// Scare quotes, a title or a name: a cue word before the mark, or capitalised words
/// (as `(cue, title case)`).
fn looks_like_a_term(t: &Chars, q: &Found) -> (bool, bool) {
    let cue = t
        .words_before(q.open_at, 2)
        .iter()
        .any(|w| SCARE_CUES.contains(&t.string(w.0, w.1).to_lowercase().as_str()));
    let words = t.words_after(q.range.start.0, 8);
    let within: Vec<_> = words.iter().filter(|w| w.1 <= q.range.end.0).collect();
    let title = !within.is_empty()
        && within.len() <= 6
        && within.len() == words.len().min(within.len())
        && !is_sentence(t, q.range)
        && within
            .iter()
            .all(|w| t.is_capitalized(**w) || w.1 - w.0 <= 3);
    (cue, title && is_titled(t, q))
}

/// Quote suggestions with speakers.
pub fn find(t: &Chars) -> Vec<Suggestion> {
    find_with(t, None)
}

/// A quote as the ranker's training sees it: its range, the candidates, and what the
/// rules said (speaker, rule).
#[cfg(test)]
pub(super) type Example = (
    CharRange,
    Vec<super::ranker::Candidate>,
    Option<String>,
    &'static str,
    f32,
);

/// The ranker's view of every quote in `t`, for its training.
#[cfg(test)]
pub(super) fn examples(t: &Chars) -> Vec<Example> {
    let mut out = Vec::new();
    find_with(t, Some(&mut out));
    out
}

#[cfg(not(test))]
type Example = ();

fn find_with(t: &Chars, mut train: Option<&mut Vec<Example>>) -> Vec<Suggestion> {
    let found = find_marks(t);
    let marks: Vec<(usize, usize)> = found.iter().map(|q| (q.open_at, q.close_at)).collect();
    let cx = Context::new(t, &marks);
    let mut out = Vec::with_capacity(found.len());
    // The previous top-level quote: its closing mark and attribution.
    let mut previous: Option<(usize, Option<Attribution>)> = None;
    for q in &found {
        let last = t.c[..q.range.end.0].last().copied();
        // `"… by 6 p.m.," the ministry said`: a comma before the mark goes on.
        let comma = t.c[q.range.end.0..q.close_at].contains(&',');
        let ended = last.filter(|c| matches!(c, '.' | '!' | '?') && !comma);
        // A quote ending its outer quote: the words after are the outer quote's.
        let ends_outer = q.inner
            && previous.as_ref().is_some_and(|(outer, _)| {
                *outer > q.close_at
                    && !t.c[q.close_at + 1..*outer]
                        .iter()
                        .any(|c| c.is_alphanumeric())
            });
        // Words someone else is said to say inside the quote: theirs, whatever follows.
        let outer: &[String] = previous
            .as_ref()
            .and_then(|(_, a)| a.as_ref())
            .map_or(&[], |a| a.speakers.as_slice());
        let reported = q
            .inner
            .then(|| super::inner::reported(&cx, q.open_at, outer))
            .flatten();
        let own = reported.or_else(|| {
            (!ends_outer)
                .then(|| cx.after(q.close_at, ended))
                .flatten()
                .or_else(|| cx.before(q.open_at))
                .or_else(|| cx.colon(q.open_at))
                .or_else(|| cx.verdict_after(q.close_at))
        });
        let short = t.c[q.range.start.0..q.range.end.0]
            .iter()
            .filter(|c| c.is_whitespace())
            .count()
            < 3
            && !is_sentence(t, q.range);
        let attribution = if q.inner {
            own.clone()
        } else {
            own.clone().or_else(|| {
                // A quote going on from one whose speaker was a guess is a guess too.
                let guessed = previous
                    .as_ref()
                    .and_then(|(_, a)| a.as_ref())
                    .is_some_and(|a| a.rule == RANKED);
                continuation(&cx, q, previous.as_ref()).map(|mut a| {
                    if guessed {
                        a.confidence = a.confidence.min(GUESS);
                    }
                    a
                })
            })
        };
        let attribution = attribution.or_else(|| {
            (!q.inner)
                .then(|| cx.headline(q.open_at, q.close_at))
                .flatten()
        });
        let last: Vec<String> = previous
            .as_ref()
            .and_then(|(_, a)| a.as_ref())
            .map(|a| a.speakers.clone())
            .unwrap_or_default();
        if !q.inner {
            previous = Some((q.close_at, attribution.clone()));
        }
        let attribution = attribution.map(|a| {
            let a = super::titles::untitle(&cx, a);
            super::calibration::calibrated(&cx, a, q.open_at, q.close_at)
        });
        let (cue, titled) = looks_like_a_term(t, q);
        // `“No comment,” a spokesperson said.`: a short reply opening its sentence,
        // said by someone, is words said, not a term.
        let utterance = own.is_some()
            && !q.inner
            && (cx.sentence_start(q.open_at)..q.open_at).all(|i| !t.c[i].is_alphanumeric());
        // A short quoted term is someone's words only when its own sentence says whose;
        // otherwise it is most likely scare quotes or a title.
        let (confidence, rule, speaker) = match &attribution {
            _ if cue || titled => (0.2, "scare quotes, a title or a name", None),
            // `A second analyst called it a "rounding error"`: nobody named says it.
            Some(a) if short && !utterance && (own.is_none() || a.speakers.is_empty()) => {
                let _ = a;
                (0.3, "short quoted term (likely scare quotes)", None)
            }
            Some(a) => (
                a.confidence,
                a.rule,
                (!a.speakers.is_empty()).then(|| a.speakers.join("; ")),
            ),
            None if short => (0.3, "short quoted term (likely scare quotes)", None),
            // `(“Council backs tram plan”, Tuesday)`: a headline or a gloss in brackets.
            None if t.get(q.open_at.wrapping_sub(1)) == Some('(') => {
                (0.3, "quoted in brackets, a title or a gloss", None)
            }
            // Words quoted inside a quote with nobody said to say them: a sign, a
            // phrase, a mention (`Please do not say "it is only summer"`).
            // `The doctor told me, 'Drink water'`: words someone is said to say, though
            // nobody named.
            None if q.inner && reported_inside(t, q) => {
                (0.6, "quote inside a quote after a reporting verb", None)
            }
            None if q.inner => (0.3, "quoted words inside a quote, no speaker", None),
            None => match ranker::speaker(&cx, q.open_at, q.close_at, &last) {
                Some(name) => (GUESS, RANKED, Some(name)),
                None => (0.6, "quotation marks, no speaker found", None),
            },
        };
        if rule == RANKED
            && !q.inner
            && let Some(name) = &speaker
        {
            let guess = Attribution {
                speakers: vec![name.clone()],
                rule: RANKED,
                confidence: GUESS,
            };
            previous = Some((q.close_at, Some(guess)));
        }
        #[cfg(test)]
        if let Some(train) = train.as_deref_mut() {
            let candidates = ranker::candidates(&cx, q.open_at, q.close_at, &last);
            train.push((q.range, candidates, speaker.clone(), rule, confidence));
        }
        #[cfg(not(test))]
        let _ = train.as_deref_mut();
        let mut attributes = Attributes::new();
        let speaker_at = attribution
            .as_ref()
            .filter(|_| speaker.is_some())
            .and_then(|a| a.speakers.first())
            .and_then(|name| {
                nearest_mention(t, name, q.range).or_else(|| {
                    let surname = name.split(' ').next_back()?;
                    nearest_mention(t, surname, q.range)
                })
            });
        if let Some(name) = speaker {
            attributes.insert("speaker".to_owned(), name);
        }
        out.push(Suggestion {
            label: "quote".to_owned(),
            range: q.range,
            attributes,
            confidence,
            rule,
            speaker_at,
        });
    }
    out
}

/// Is the inner quote `q` words someone unnamed is said to say: a reporting verb among
/// the words before its mark, in the same sentence and clause of the outer quote (`The
/// doctor told me, '…'`, `the report said, and I quote, "…"`), with no name or pronoun
/// there that the speaker could be (`He said, '…'`) and no negation (`do not say "…"`).
fn reported_inside(t: &Chars, q: &Found) -> bool {
    let words = t.words_before(q.open_at, 10);
    let clause = words
        .iter()
        .position(|w| t.c[w.1..q.open_at].iter().any(|c| matches!(c, ';' | '(')))
        .unwrap_or(words.len());
    let words = &words[..clause];
    let lower = |k: usize| t.string(words[k].0, words[k].1).to_lowercase();
    let mut says = false;
    for (k, w) in words.iter().enumerate() {
        let word = lower(k);
        let quoting = word == "i" && k > 0 && lower(k - 1) == "quote";
        let person = matches!(
            word.as_str(),
            "he" | "she" | "they" | "it" | "we" | "you" | "i"
        ) || t.is_capitalized(*w) && !starts_sentence(t, w.0);
        if (person && !quoting) || matches!(word.as_str(), "not" | "never") {
            return false;
        }
        says |= is_verb(&word) || word == "quote";
    }
    says
}

/// A quote in title case (a name or title even when someone is said to use it).
fn is_titled(t: &Chars, q: &Found) -> bool {
    let words = t.words_after(q.range.start.0, 8);
    let within: Vec<_> = words.iter().filter(|w| w.1 <= q.range.end.0).collect();
    within.len() >= 2
        && within.iter().any(|w| t.is_capitalized(**w))
        && within
            .iter()
            .all(|w| t.is_capitalized(**w) || w.1 - w.0 <= 3)
}

/// The speaker of the quote before, when `q` continues it: the same quote over
/// paragraphs, the second half of an interrupted quote, or a quote paragraph right
/// after a paragraph that ended with an attributed quote.
fn continuation(
    cx: &Context,
    q: &Found,
    previous: Option<&(usize, Option<Attribution>)>,
) -> Option<Attribution> {
    let t = cx.t;
    let (close, Some(a)) = previous? else {
        return None;
    };
    let between = t.string(close + 1, q.open_at);
    let words = between.split_whitespace().count();
    let paragraphs = between.matches('\n').count();
    // The same sentence as the attribution (`"…," she said, "…"`) or a new one the
    // quote opens (`"…," she said. "…"`), not a sentence of its own words (`The crowd
    // chanted "…"`).
    let sentence_end = (*close..q.open_at).rev().find(|&i| {
        matches!(t.c[i - 1], '.' | '!' | '?') && (i == *close || t.c[i].is_whitespace())
    });
    let own_sentence =
        sentence_end.is_some_and(|e| t.c[e..q.open_at].iter().any(|c| c.is_alphanumeric()));
    let (rule, confidence) = if q.continued {
        ("quote continued over paragraphs", a.confidence)
    } else if own_sentence {
        return None;
    } else if paragraphs == 0 && words <= 10 {
        (
            "quote continued after its attribution",
            a.confidence.min(0.9),
        )
    } else if paragraphs == 0 && words <= 25 && !cx.names_other(*close, q.open_at, &a.speakers) {
        // `"…", said X as the first cranes moved. "…"`: the next quote in the
        // paragraph, nobody else named in between.
        (
            "quote continued after its attribution",
            a.confidence.min(0.75),
        )
    } else if paragraphs > 0 && words <= 8 && starts_paragraph(t, q.open_at) {
        ("quote paragraph after a quote by the same speaker", 0.75)
    } else {
        return None;
    };
    Some(Attribution {
        speakers: a.speakers.clone(),
        rule,
        confidence,
    })
}

fn starts_paragraph(t: &Chars, at: usize) -> bool {
    (0..at)
        .rev()
        .find(|&i| !matches!(t.c[i], ' ' | '\t'))
        .is_none_or(|i| t.c[i] == '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>, f32)> {
        let t = Chars::new(text);
        find(&t)
            .into_iter()
            .map(|s| {
                (
                    t.string(s.range.start.0, s.range.end.0),
                    s.attributes.get("speaker").cloned(),
                    s.confidence,
                )
            })
            .collect()
    }

    #[test]
    fn marks_attributions_and_speakers() {
        let q = quotes(
            "“We will win,” Zelensky said. \"They lost,\" said Sergei Lavrov, \"and they know it.\"",
        );
        assert_eq!(q[0].0, "We will win");
        assert_eq!(q[0].1.as_deref(), Some("Zelensky"));
        assert!(q[0].2 >= 0.8, "{q:?}");
        assert_eq!(q[1].0, "They lost");
        assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(q[2].0, "and they know it.");
    }

    #[test]
    fn apostrophes_are_not_marks_and_scare_quotes_are_unsure() {
        let q = quotes(
            "Ukraine’s leader said the so-called ‘guarantees’ didn’t work. It's \"lasting\" peace.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|(_, _, c)| *c < 0.5), "{q:?}");
    }

    #[test]
    fn dash_attributed_pull_quotes_and_pronouns() {
        let q = quotes(
            "\"Nobody should choose between the bus and lunch\"\n— Anna Berger, mayor\n\nBerger spoke first. \"We are ready,\" she said.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Anna Berger"));
        assert_eq!(q[1].1.as_deref(), Some("Anna Berger"));
    }

    #[test]
    fn a_pronoun_means_someone_named_before_the_quote_not_in_it() {
        let q = quotes("Trump spoke. \"We will find out about President Putin soon,\" he said.");
        assert_eq!(q[0].1.as_deref(), Some("Trump"));
    }

    #[test]
    fn before_the_quote_and_over_paragraphs() {
        let q = quotes(
            "Jonas Weber told Politico: «Each job costs too much.» According to Maria Lindqvist, “premiums tripled.”\n\n“The first paragraph goes on\n\n“and ends here.”",
        );
        assert_eq!(q[0].1.as_deref(), Some("Jonas Weber"));
        assert_eq!(q[1].1.as_deref(), Some("Maria Lindqvist"));
        assert_eq!(q[2].0, "The first paragraph goes on");
        assert_eq!(q[3].0, "and ends here.");
    }
}
