//! Who the article is talking about, sentence by sentence: one pass in reading order
//! that keeps the people mentioned (by name, by pronoun, by a description such as `the
//! minister`, or without a name: `A cashier, who did not want to be named`) and
//! resolves each `he` and `she` outside quotation marks to the most salient earlier
//! person whose gender fits.
//!
//! Salience: the sentence holding the pronoun first, then the sentences before it,
//! nearest first; in each, its subject before the other people it names. A pronoun
//! resolved here is itself a mention, so chains (`Duval spoke. He thanked Holz, … "…,"
//! he said`) follow the subject and not the last name seen. Names inside quoted words
//! are never candidates. A pronoun that means an unnamed person gives no speaker (a
//! wrong speaker is worse than none), and `they` after `A and B` (or `He and his
//! colleague B`) gives the pair. The confidence says how sure the choice is: below
//! [`super::ACCEPT_ALL`] when another person would fit, when only the table of given
//! names told the candidates apart, when the person is far back, or when a description
//! had to be resolved first.

use super::gender::{Gender, Genders, Source, pronoun_gender};
use super::lexicon::VERBS;
use super::names::Names;
use super::sentences::{AUXILIARIES, INTRO, OPENERS, acts};
pub(super) use super::sentences::{person_noun, sentences};
use super::text::Chars;
use std::collections::HashMap;

mod phrases;
mod seen;

/// What the discourse pass reads of an article: its text, names, genders, quotes and
/// the clause readings the attribution rules make. Implemented by the attribution's
/// context, so this pass does not depend on it.
pub(super) trait Article {
    fn chars(&self) -> &Chars;
    fn names(&self) -> &Names;
    fn genders(&self) -> &Genders;
    /// The closing mark of the top-level quote opened at `i`, if one is.
    fn top_quote_at(&self, i: usize) -> Option<usize>;
    /// Where a sentence's subject starts after a descriptor (`Ferry operator X`).
    fn after_descriptor(&self, words: &[(usize, usize)], lead: usize) -> usize;
    /// The person the article introduced with the description `head` before `at`.
    fn described_before(&self, head: &str, at: usize) -> Option<String>;
    /// The group opening a sentence whose first mention is `a` at `at`.
    fn group_at(&self, at: usize, a: String, words: &[(usize, usize)]) -> Option<Vec<String>>;
    /// The person whose interview answer the line of `at` is (`Diagne: …`).
    fn answerer(&self, at: usize) -> Option<String>;
}

/// Whom a pronoun (or an anaphoric description such as `the 54-year-old`) means.
#[derive(Clone, Debug)]
pub(super) struct Meant {
    /// Empty for a person the article does not name.
    pub(super) speakers: Vec<String>,
    pub(super) rule: &'static str,
    pub(super) confidence: f32,
}

#[derive(Clone, Debug, PartialEq)]
enum Entity {
    Named(String),
    Unnamed(usize),
}

#[derive(Clone, Debug)]
struct Mention {
    at: usize,
    entity: Entity,
    /// Resolved through a description (`The minister said he …`).
    described: bool,
    /// How sure the mention is of its person (a pronoun's resolution): a chain is no
    /// surer than its weakest link.
    sure: f32,
}

#[derive(Default)]
struct Sentence {
    start: usize,
    mentions: Vec<Mention>,
    /// Index of the subject in `mentions`.
    subject: Option<usize>,
    /// The subject's name run when it is no person (`VarRail said …`): for `the
    /// company`.
    thing: Option<String>,
    /// `A and B …`, `He and his colleague B …`: the people `they` can mean.
    group: Option<Vec<String>>,
}

#[derive(Default)]
pub(super) struct Discourse {
    meant: HashMap<usize, Meant>,
    sentences: Vec<Sentence>,
    /// Genders of the unnamed people, by index.
    unnamed: Vec<Option<Gender>>,
    /// Genders the article did not say but a resolved `he` or `she` showed (`A and her
    /// neighbour B … "…," she said` makes B a woman for the `he` that follows).
    learned: HashMap<String, (Gender, usize)>,
}

/// How far (in code points) a gender learned from a pronoun holds.
const LEARNED_FOR: usize = 600;

const NEAREST: &str = "pronoun resolved to the nearest person named";
const SUBJECT: &str = "pronoun resolved to the subject of an earlier sentence";
const GENDER: &str = "pronoun resolved to the nearest person its gender fits";
const THROUGH: &str = "pronoun resolved through a description";
const UNNAMED: &str = "pronoun resolved to a person the article does not name";

impl Discourse {
    /// Whom the pronoun or description at `at` means, if the pass resolved it.
    pub(super) fn meant(&self, at: usize) -> Option<&Meant> {
        self.meant.get(&at)
    }

    /// The pair or list that was the subject of a sentence just before `at`.
    pub(super) fn group_before(&self, at: usize) -> Option<Vec<String>> {
        let k = self.sentences.partition_point(|s| s.start <= at);
        self.sentences[k.saturating_sub(3)..k]
            .iter()
            .rev()
            .find_map(|s| s.group.clone())
    }

    /// The organisation (a name that is no person) that was the subject of a sentence
    /// shortly before `at`.
    pub(super) fn thing_before(&self, at: usize) -> Option<String> {
        let k = self.sentences.partition_point(|s| s.start <= at);
        self.sentences[k.saturating_sub(4)..k]
            .iter()
            .rev()
            .find_map(|s| s.thing.clone())
    }

    pub(super) fn build(cx: &impl Article, sentences: &[(usize, usize)]) -> Self {
        let mut d = Self::default();
        for &(start, end) in sentences {
            d.sentence(cx, start, end);
        }
        d
    }

    fn sentence(&mut self, cx: &impl Article, start: usize, end: usize) {
        let t = cx.chars();
        let words: Vec<(usize, usize)> = {
            let mut out = Vec::new();
            let mut i = start;
            while i < end {
                if let Some(close) = cx.top_quote_at(i) {
                    i = close + 1;
                    continue;
                }
                match t.word_at(i).filter(|_| i == 0 || !t.is_word(i - 1)) {
                    Some(w) => {
                        out.push(w);
                        i = w.1;
                    }
                    None => i += 1,
                }
            }
            out
        };
        self.sentences.push(Sentence {
            start,
            ..Sentence::default()
        });
        let k = self.sentences.len() - 1;
        let lower = |w: (usize, usize)| t.string(w.0, w.1).to_lowercase();
        // Where the subject stands: after a timestamp, a connective or an opening
        // phrase closed by a comma.
        let mut p = 0;
        while p < words.len()
            && (t.c[words[p].0].is_ascii_digit() || OPENERS.contains(&lower(words[p]).as_str()))
        {
            p += 1;
        }
        if p < words.len() && INTRO.contains(&lower(words[p]).as_str()) {
            let comma = (words[p].1..end).find(|&i| t.c[i] == ',' && cx.top_quote_at(i).is_none());
            p = comma.map_or(words.len(), |c| words.partition_point(|w| w.0 < c));
        }
        // `"…," says the 81-year-old, who …`: after a quote the subject may follow
        // its verb.
        let opening = (start..end).find(|&i| !t.c[i].is_whitespace());
        if p == 0
            && p + 1 < words.len()
            && opening.is_some_and(|i| cx.top_quote_at(i).is_some())
            && VERBS.contains(&lower(words[p]).as_str())
        {
            p += 1;
        }
        // The subject: the first person mentioned from there on before a verb.
        let limit = (p..words.len().min(p + 10))
            .find(|&j| {
                let w = lower(words[j]);
                VERBS.contains(&w.as_str()) || AUXILIARIES.contains(&w.as_str())
            })
            .unwrap_or(words.len().min(p + 10));
        let span = (
            words.get(p).map_or(end, |w| w.0),
            words.get(limit).map_or(end, |w| w.0),
        );
        if p < words.len() {
            self.noun_phrase(cx, k, &words[p..limit]);
            let mut lead = if lower(words[p]) == "the" { p + 1 } else { p };
            // `Ferry operator Fjordlink has …`: the name after the descriptor.
            lead = cx.after_descriptor(&words, lead);
            if let Some(run) = words
                .get(lead)
                .and_then(|w| cx.names().run_at(w.0).filter(|r| r.start == w.0))
                && !cx.names().is_person(run)
                && !run.quoted
                && cx.genders().of(&run.text).is_none()
                // (`Firefighters arrived`: people, not an organisation.)
                && !person_noun(&run.text.to_lowercase())
            {
                self.sentences[k].thing = Some(cx.names().fullest_org(&run.text));
            }
        }
        let is_subject = |at: usize| span.0 <= at && at < span.1;
        // In an interview answer (`Diagne: Through my uncle, …`) the label is no
        // mention, and `he` or `she` is never the person answering (who says `I`).
        let answerer = words.first().and_then(|w| cx.answerer(w.0));
        let label = answerer.as_ref().and_then(|_| words.first()).map(|w| w.0);
        let except = answerer.map(Entity::Named);
        let mut i = 0;
        while i < words.len() {
            let w = words[i];
            if let Some(run) = cx.names().run_at(w.0).filter(|r| r.start == w.0) {
                if label == Some(w.0) && t.get(run.end) == Some(':') {
                    while i < words.len() && words[i].0 < run.end {
                        i += 1;
                    }
                    continue;
                }
                let name = cx.names().fullest(&run.text);
                // A lone name counts when it says its gender or acts (`Trump spoke.`).
                let acts = run.words == 1
                    && is_subject(w.0)
                    && cx.names().fullest_org(&run.text) == run.text
                    && words.get(i + 1).is_some_and(|n| acts(&lower(*n)));
                let known = cx.names().is_person(run) || cx.genders().of(&name).is_some() || acts;
                if !run.quoted && !run.is_org() && !run.not_person && known {
                    let subject = is_subject(w.0);
                    self.mention(k, w.0, Entity::Named(name), false, subject);
                    if subject {
                        self.group(cx, k, &words[i..]);
                    }
                }
                while i < words.len() && words[i].0 < run.end {
                    i += 1;
                }
                continue;
            }
            let lw = lower(w);
            if let Some(want) =
                pronoun_gender(&lw).filter(|_| lw != "hers" && !lw.ends_with("self"))
                && let Some((entity, meant)) =
                    self.resolve_among(cx, k, w.0, Some(want), except.as_ref())
            {
                let confidence = meant.confidence;
                self.meant.insert(w.0, meant);
                if matches!(lw.as_str(), "he" | "she") {
                    if let Entity::Unnamed(u) = entity
                        && self.unnamed[u].is_none()
                    {
                        self.unnamed[u] = Some(want);
                    }
                    if let Entity::Named(name) = &entity
                        && cx.genders().of(name).is_none()
                    {
                        self.learned.insert(name.clone(), (want, w.0));
                    }
                    let subject = is_subject(w.0);
                    let sure = confidence + 0.1;
                    self.mention_sure(k, w.0, entity, false, subject, sure);
                    if subject {
                        self.group(cx, k, &words[i..]);
                    }
                }
            }
            i += 1;
        }
    }

    fn mention(&mut self, k: usize, at: usize, entity: Entity, described: bool, subject: bool) {
        self.mention_sure(k, at, entity, described, subject, 1.0);
    }

    fn mention_sure(
        &mut self,
        k: usize,
        at: usize,
        entity: Entity,
        described: bool,
        subject: bool,
        sure: f32,
    ) {
        let s = &mut self.sentences[k];
        if subject && s.subject.is_none() {
            s.subject = Some(s.mentions.len());
        }
        s.mentions.push(Mention {
            at,
            entity,
            described,
            sure,
        });
    }

    /// `A and B`, `He and his colleague B` opening the sentence at `words`.
    fn group(&mut self, cx: &impl Article, k: usize, words: &[(usize, usize)]) {
        let Some(first) = self.sentences[k].mentions.last().cloned() else {
            return;
        };
        let Entity::Named(a) = first.entity else {
            return;
        };
        if self.sentences[k].group.is_none() {
            self.sentences[k].group = cx.group_at(first.at, a, words);
        }
    }

    /// Resolves a pronoun at `at` in sentence `k` wanting `want` (any person for
    /// `None`).
    fn resolve(
        &self,
        cx: &impl Article,
        k: usize,
        at: usize,
        want: Option<Gender>,
    ) -> Option<(Entity, Meant)> {
        self.resolve_among(cx, k, at, want, None)
    }

    /// [`Self::resolve`] passing over `except` (`his wife` is not the man `his` means).
    fn resolve_except(
        &self,
        cx: &impl Article,
        k: usize,
        at: usize,
        want: Option<Gender>,
        except: &Entity,
    ) -> Option<(Entity, Meant)> {
        self.resolve_among(cx, k, at, want, Some(except))
    }

    fn resolve_among(
        &self,
        cx: &impl Article,
        k: usize,
        at: usize,
        want: Option<Gender>,
        except: Option<&Entity>,
    ) -> Option<(Entity, Meant)> {
        // Candidates by salience: (entity, sentence distance, subject, described).
        let mut ranked: Vec<(&Entity, usize, bool, bool, f32)> = Vec::new();
        for back in 0..8 {
            let Some(s) = k.checked_sub(back).map(|j| &self.sentences[j]) else {
                break;
            };
            if at.saturating_sub(s.start) > 1_200 && back > 0 {
                break;
            }
            let order = s
                .subject
                .into_iter()
                .chain((0..s.mentions.len()).filter(|&m| Some(m) != s.subject));
            for m in order {
                let mention = &s.mentions[m];
                if mention.at >= at
                    || ranked.iter().any(|r| *r.0 == mention.entity)
                    || except == Some(&mention.entity)
                {
                    continue;
                }
                ranked.push((
                    &mention.entity,
                    back,
                    Some(m) == s.subject,
                    mention.described,
                    mention.sure,
                ));
            }
        }
        let fits = |e: &Entity| -> (bool, Option<Source>) {
            match e {
                Entity::Named(name) => match cx.genders().of(name) {
                    Some((g, src)) => (want.is_none_or(|w| w == g), Some(src)),
                    // A gender learned from a pronoun is a guess: it holds for a
                    // paragraph or so.
                    None => match self
                        .learned
                        .get(name)
                        .filter(|l| at.saturating_sub(l.1) <= LEARNED_FOR)
                    {
                        Some((g, _)) => (want.is_none_or(|w| w == *g), Some(Source::Table)),
                        // Unknown gender: a full name, or a lone name that was a subject.
                        None => (true, None),
                    },
                },
                Entity::Unnamed(u) => (
                    want.is_none() || self.unnamed[*u].is_none_or(|g| Some(g) == want),
                    Some(Source::Article),
                ),
            }
        };
        let chosen = ranked.iter().position(|r| fits(r.0).0)?;
        let sure_person = |e: &Entity| match e {
            Entity::Named(name) => cx.genders().surely_person(name),
            Entity::Unnamed(_) => true,
        };
        let (entity, back, subject, described, sure) = ranked[chosen];
        // Skipped for their gender: sure only when the article said it.
        let skipped: Vec<_> = ranked[..chosen].iter().map(|r| fits(r.0)).collect();
        let by_table = skipped
            .iter()
            .any(|(fit, src)| *fit || *src != Some(Source::Article));
        let others = ranked
            .iter()
            .enumerate()
            .filter(|(n, _)| *n != chosen)
            .map(|(_, r)| r)
            .any(|r| r.1 <= 2 && matches!(r.0, Entity::Named(_)) && fits(r.0).0);
        let mut confidence: f32 = match fits(entity).1 {
            Some(Source::Article) => 0.9,
            Some(Source::Table) => 0.85,
            // No gender known: sure only of someone named with a title or an age.
            None if back <= 1 && subject && !sure_person(entity) => 0.75,
            None if back <= 1 && subject => 0.85,
            None => 0.75,
        };
        if back > 2 || by_table || described {
            confidence = confidence.min(0.75);
        }
        if others {
            confidence = confidence.min(0.7);
        }
        confidence = confidence.min(sure);
        if matches!(entity, Entity::Unnamed(_)) {
            confidence = confidence.min(0.75);
        }
        let speakers = match entity {
            Entity::Named(name) => vec![name.clone()],
            Entity::Unnamed(_) => Vec::new(),
        };
        let rule = if speakers.is_empty() {
            UNNAMED
        } else if described {
            THROUGH
        } else if !skipped.is_empty() {
            GENDER
        } else if subject && back > 0 {
            SUBJECT
        } else {
            NEAREST
        };
        let meant = Meant {
            speakers,
            rule,
            confidence,
        };
        Some((entity.clone(), meant))
    }
}
