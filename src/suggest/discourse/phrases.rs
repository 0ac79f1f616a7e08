//! The subject phrases of the discourse pass that are no bare name: descriptions
//! (`The minister`, `Her husband`, `the 54-year-old`, `the retired teacher`), relatives
//! (`his wife`) and people without a name (`A cashier, who …`, `The man`), each turned
//! into a mention and, where it can be resolved, into whom it means.

use super::{Article, Discourse, Entity, Meant};
use crate::suggest::gender::{noun_gender, pronoun_gender};
use crate::suggest::lexicon::{ROLES, VERBS};
use crate::suggest::sentences::person_noun;

const AGE: &str = "description by age resolved to the person it follows";
const KIN: &str = "relative resolved to the person the sentences before are about";
const DESCRIBED: &str = "description resolved to the person the sentences before are about";

impl Discourse {
    /// A subject that is no bare name: a description (`The minister`, `Her husband`,
    /// `The 54-year-old`) or a person without a name (`A cashier, who …`, `One of the
    /// rescuers`, `My grandfather`).
    pub(super) fn noun_phrase(&mut self, cx: &impl Article, k: usize, words: &[(usize, usize)]) {
        let t = cx.chars();
        let Some(&first) = words.first() else {
            return;
        };
        let det = t.string(first.0, first.1).to_lowercase();
        let possessive = matches!(det.as_str(), "my" | "his" | "her" | "our" | "their");
        if !matches!(det.as_str(), "the" | "a" | "an" | "one") && !possessive {
            return;
        }
        // A name after a preposition is no subject (`A spokeswoman for St Vitus`; a
        // title may stand between).
        let after_preposition = |n: usize| {
            words[..n]
                .iter()
                .rev()
                .take(2)
                .any(|p| matches!(t.str(p.0, p.1), "for" | "of" | "at" | "from" | "in"))
        };
        // `A spokesman for the mediators, Karl Ekholm,`: the name is the subject.
        if words.iter().enumerate().any(|(n, w)| {
            !after_preposition(n)
                && cx
                    .names()
                    .run_at(w.0)
                    .is_some_and(|r| r.start == w.0 && cx.names().is_person(r))
        }) {
            return;
        }
        let mut head = None;
        for (n, w) in words.iter().enumerate().skip(1).take(6) {
            if let Some(run) = cx.names().run_at(w.0) {
                // `Her husband, Ante Kos`: the name is the subject (mentioned below).
                if head.is_some() && cx.names().is_person(run) && !after_preposition(n) {
                    return;
                }
                continue;
            }
            let lw = t.string(w.0, w.1).to_lowercase();
            if VERBS.contains(&lw.as_str()) || lw == "who" {
                // `A bookseller in the old town, who …`: a person, whatever the noun.
                if lw == "who" && head.is_none() && n > 1 {
                    head = Some((1, t.string(words[1].0, words[1].1).to_lowercase()));
                }
                break;
            }
            if person_noun(&lw) {
                head = Some((n, lw));
            } else if head.is_some() && !matches!(lw.as_str(), "of" | "the" | "for" | "at") {
                break;
            }
        }
        let Some((n, noun)) = head else {
            return;
        };
        let at = words[n].0;
        let who = words
            .iter()
            .skip(n + 1)
            .take(6)
            .any(|w| t.string(w.0, w.1) == "who");
        let lw_head = noun.clone();
        // Never the person answering an interview question (who says `I`).
        let answerer = cx.answerer(at).map(Entity::Named);
        let noun = noun.trim_end_matches('s').to_owned();
        let gender = noun_gender(&noun);
        if noun.ends_with("-year-old") {
            if det == "the"
                && let Some((entity, meant)) = self.age(cx, k, at, &noun)
            {
                self.meant.insert(at, meant);
                self.mention(k, at, entity, true, true);
            }
            return;
        }
        if (det == "the" || possessive)
            && let Some(name) = cx.described_before(&noun, at)
        {
            self.mention(k, at, Entity::Named(name), true, true);
            return;
        }
        // `“…,” the retired teacher said` after `Grace Olaniyan, 62, had waited`: a
        // person noun nobody was introduced with is the person the sentences before
        // are about (an unnamed one when they are about `a teacher`), a guess.
        let singular = lw_head == noun || lw_head.ends_with("ss");
        let introduced = || {
            let before = t.string(at.saturating_sub(600), at).to_lowercase();
            [
                " a ", " an ", " one ", " her ", " his ", " their ", " my ", " our ",
            ]
            .iter()
            .any(|det| before.contains(&format!("{det}{noun}")))
        };
        if det == "the"
            && singular
            && !matches!(
                noun.as_str(),
                "person" | "source" | "man" | "woman" | "boy" | "girl" | "child"
            )
            && !ROLES.contains(&noun.as_str())
            && !introduced()
            && let Some((entity, mut meant)) =
                self.resolve_among(cx, k, at, gender, answerer.as_ref())
        {
            meant.rule = DESCRIBED;
            meant.confidence = meant.confidence.min(0.7);
            self.meant.insert(at, meant);
            self.mention(k, at, entity, true, true);
            return;
        }
        // `“…,” his wife explained` after `Her husband, Peter Moyo, had stayed at home`:
        // the person of that gender the sentences before are about, other than the
        // one `his` means; a guess, surer when they share a surname.
        if let (Some(owner_gender), Some(want)) = (pronoun_gender(&det), gender)
            && !who
            && let Some((owner, _)) = self.resolve(cx, k, first.0, Some(owner_gender))
            && let Some((entity, mut meant)) = self.resolve_except(cx, k, at, Some(want), &owner)
            && let (Entity::Named(a), Entity::Named(b)) = (&owner, &entity)
        {
            let surname = |n: &str| n.rsplit(' ').next().map(str::to_owned);
            let shared = a.contains(' ') && b.contains(' ') && surname(a) == surname(b);
            meant.rule = KIN;
            meant.confidence = meant.confidence.min(if shared { 0.7 } else { 0.6 });
            self.meant.insert(at, meant);
            self.mention(k, at, entity, true, true);
            return;
        }
        // `The man wrote to the station a month later.`: someone without a name.
        let opens = (self.sentences[k].start..first.0).all(|i| !t.c[i].is_alphanumeric());
        let generic = opens && matches!(noun.as_str(), "man" | "woman" | "boy" | "girl" | "child");
        if det != "the" || who || possessive || generic || ROLES.contains(&noun.as_str()) {
            self.unnamed.push(gender);
            let id = self.unnamed.len() - 1;
            self.mention(k, at, Entity::Unnamed(id), false, true);
        }
    }

    /// `the 54-year-old`: the person introduced with that age (`X, 54,`), else the
    /// person the sentences before are about.
    fn age(&self, cx: &impl Article, k: usize, at: usize, noun: &str) -> Option<(Entity, Meant)> {
        let age = noun.trim_end_matches("-year-old");
        let t = cx.chars();
        let introduced = cx
            .names()
            .before(at, 4_000)
            .filter(|r| cx.names().is_person(r))
            .find(|r| {
                t.string(r.end, (r.end + age.chars().count() + 3).min(t.len()))
                    .trim_start_matches([',', ' '])
                    .starts_with(age)
            });
        if let Some(r) = introduced {
            let name = cx.names().fullest(&r.text);
            let meant = Meant {
                speakers: vec![name.clone()],
                rule: AGE,
                confidence: 0.85,
            };
            return Some((Entity::Named(name), meant));
        }
        let (entity, mut meant) = self.resolve(cx, k, at, None)?;
        meant.rule = AGE;
        meant.confidence = meant.confidence.min(0.7);
        Some((entity, meant))
    }
}
