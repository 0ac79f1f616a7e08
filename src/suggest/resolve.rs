//! Resolving a pronoun or a description to the person (or organisation) it means.
//!
//! - `he`, `she`: the person named before, the subject of that sentence first (`Nwosu
//!   likes to quote the economist Klaus Imhof. "…," she said` is Nwosu), less surely
//!   when another person was named in between; inside a quote, a person the quoted
//!   words name (the speaker says `I`, not `he`);
//! - `I` in an interview answer: the person answering;
//! - `they`: the pair or list of people named last (`A and B …; they answered`);
//! - `it`: the organisation named last in the sentence or the one before (`The port
//!   authority published a statement. It says …`);
//! - `you` in a question: the person it addresses (`Dr Rahimi, why do you call …`);
//! - `the minister`, `the ministry`: the person with that title or role, the
//!   organisation of that kind.

use super::attribution::Context;
use super::lexicon::{ORGS, ROLES};
use super::names::Run;

/// Speakers, rule and confidence.
type Resolved = (Vec<String>, &'static str, f32);

const NEAREST: &str = "pronoun resolved to the nearest person named";
const SUBJECT: &str = "pronoun resolved to the subject of an earlier sentence";
const THROUGH: &str = "pronoun resolved through a description";

impl Context<'_> {
    /// Who a pronoun at `at` means, with the rule and the confidence of the guess.
    pub(super) fn pronoun(&self, p: &str, at: usize) -> Option<Resolved> {
        match p {
            "i" => self.answering(at),
            "they" => self.plural(at),
            "it" => self.organisation(at),
            "you" => self.addressee(at).or_else(|| self.next_answer(at)),
            _ if self.inside_quote(at) => self.named_in_quotes(at),
            _ => self.person(at),
        }
    }

    /// `he` or `she` outside quotes.
    fn person(&self, at: usize) -> Option<Resolved> {
        // A full name (or a name known from one) within a few sentences; a single
        // name only close by, and less surely.
        let single =
            |r: &Run| r.words == 1 && !r.quoted && !r.not_person && !r.is_org() && at - r.end < 200;
        let nearest = self
            .names
            .before(at, 800)
            .find(|r| self.names.is_person(r))
            .or_else(|| self.names.before(at, 200).find(|r| single(r)))?;
        let name = |r: &Run| self.names.fullest(&r.text, r.start);
        // `The governor did not reply. … she said`: a description opening a sentence
        // after the name stands for its own person.
        let described = self.described_subject(nearest.end, at);
        if let Some(Some(d)) = described.as_ref().filter(|d| **d != Some(name(nearest))) {
            return Some((vec![d.clone()], THROUGH, 0.7));
        }
        // A description nobody can be found for: the name may not be meant.
        let unsure = described.is_some_and(|d| d.is_none());
        if !self.names.is_person(nearest) {
            // A lone name: sure only when nothing but quoted text lies between.
            let c = if self.same_sentence(nearest.end, at) {
                0.85
            } else {
                0.7
            };
            return Some((vec![name(nearest)], NEAREST, c));
        }
        // The subject of the sentence naming the nearest person comes first: a person
        // named later in it is more often an object or an aside.
        let from = self.sentence_start(nearest.start);
        let subject = self
            .names
            .before(nearest.start, nearest.start - from)
            .filter(|r| r.start >= from && self.names.is_person(r))
            .last()
            .filter(|r| name(r) != name(nearest));
        if let Some(subject) = subject {
            return Some((vec![name(subject)], SUBJECT, 0.7));
        }
        // Another person named between the name and the pronoun (in quoted words, or
        // as a lone surname) makes the guess less sure.
        let other = self.names_other(nearest.end, at, &[name(nearest)]);
        let c = if at - nearest.end < 400 && !other && !unsure {
            0.85
        } else {
            0.7
        };
        Some((vec![name(nearest)], NEAREST, c))
    }

    /// The person a description opening a sentence between `from` and `to` stands
    /// for (`The governor`, `The regional fire chief`), the nearest to `to`: `None`
    /// without such a description, `Some(None)` when nobody named before fits it.
    fn described_subject(&self, from: usize, to: usize) -> Option<Option<String>> {
        let t = self.t;
        let mut best = None;
        let mut i = from;
        while i < to {
            let Some(w) = t.word_at(i).filter(|_| i == 0 || !t.is_word(i - 1)) else {
                i += 1;
                continue;
            };
            i = w.1;
            if t.string(w.0, w.1) != "The" || !super::names::starts_sentence(t, w.0) {
                continue;
            }
            let next = t.words_after(w.1, 3);
            if let Some(role) = next
                .iter()
                .map(|n| t.string(n.0, n.1))
                .find(|n| ROLES.contains(&n.as_str()))
            {
                best = Some(self.described_before(&role, w.0));
            }
        }
        best
    }

    /// An interview answer: `Claire Morel: … I told her "…"`.
    fn answering(&self, at: usize) -> Option<Resolved> {
        let line = self.line_start(at);
        let run = self.names.run_at(line).filter(|r| r.start == line)?;
        (self.t.get(run.end) == Some(':') && run.words >= 2).then(|| {
            (
                vec![run.text.clone()],
                "first person in an interview answer",
                0.85,
            )
        })
    }

    /// `they`: the pair or list of people named last.
    fn plural(&self, at: usize) -> Option<Resolved> {
        let last = self
            .names
            .before(at, 600)
            .find(|r| self.names.is_person(r))?;
        let mut first = last;
        for r in self.names.before(last.start, 200) {
            let gap = self.t.string(r.end, first.start);
            if !matches!(gap.as_str(), " and " | ", and " | ", ") || !self.names.is_person(r) {
                break;
            }
            first = r;
        }
        let list = self.list_at(first.start);
        (list.len() >= 2).then_some((list, "pronoun resolved to the people named last", 0.75))
    }

    /// `it`: the organisation named last in this sentence or the one before, by its
    /// name (`Finance Ministry`) or a description (`the port authority`).
    fn organisation(&self, at: usize) -> Option<Resolved> {
        let from = self.sentence_start(self.sentence_start(at).saturating_sub(1));
        let t = self.t;
        let mut i = at;
        while i > from {
            if !t.is_word(i - 1) {
                i -= 1;
                continue;
            }
            if let Some(r) = self.names.run_at(i - 1) {
                if r.is_org() && !r.quoted {
                    return Some((vec![r.text.clone()], ORGANISATION, 0.7));
                }
                i = r.start;
                continue;
            }
            let mut s = i - 1;
            while s > 0 && t.is_word(s - 1) {
                s -= 1;
            }
            let noun = t.string(s, i);
            if ORGS.contains(&noun.as_str()) && !self.inside_quote(s) {
                return self.org_phrase((s, i), &noun);
            }
            i = s;
        }
        None
    }

    /// `the port authority` (up to three words after the article) as the speaker, or
    /// the organisation `the ministry` stands for.
    fn org_phrase(&self, noun: (usize, usize), head: &str) -> Option<Resolved> {
        let t = self.t;
        let words = t.words_before(noun.0, 3);
        let article = words
            .iter()
            .position(|w| matches!(t.string(w.0, w.1).to_lowercase().as_str(), "the" | "its"))?;
        if article == 0 {
            let (name, _) = self.description(head, noun.0)?;
            return Some((vec![name], ORGANISATION, 0.7));
        }
        let start = words[article - 1].0;
        let phrase = t.string(start, noun.1);
        Some((vec![phrase], ORGANISATION, 0.7))
    }

    /// An organisation named earlier in lower case (`The environment ministry …`):
    /// the words between `the` and `head`, the nearest before `at`.
    fn described_org(&self, head: &str, at: usize) -> Option<String> {
        let t = self.t;
        let from = at.saturating_sub(3_000);
        let mut i = at;
        while i > from {
            i -= 1;
            let Some(w) = t
                .word_at(i)
                .filter(|w| (i == 0 || !t.is_word(i - 1)) && w.1 <= at)
            else {
                continue;
            };
            if t.string(w.0, w.1) != head || self.inside_quote(w.0) {
                continue;
            }
            let words = t.words_before(w.0, 3);
            let article = words
                .iter()
                .position(|p| matches!(t.string(p.0, p.1).to_lowercase().as_str(), "the" | "its"));
            if let Some(a) = article.filter(|&a| a > 0) {
                let modifiers = &words[..a];
                if modifiers.iter().all(|p| !t.is_capitalized(*p)) {
                    return Some(t.string(words[a - 1].0, w.1));
                }
            }
        }
        None
    }

    /// `you` in a question addressed to someone by name (`Dr Rahimi, why do you …`).
    fn addressee(&self, at: usize) -> Option<Resolved> {
        let from = self.sentence_start(at);
        let run = self.names.after(from, at - from).find(|r| r.end < at)?;
        let lead = self.t.words_after(from, 4);
        let close = lead.iter().any(|w| w.0 == run.start);
        if close && self.t.get(run.end) == Some(',') && self.names.is_person(run) {
            return Some((
                vec![self.names.fullest(&run.text, run.start)],
                "pronoun resolved to the person addressed",
                0.7,
            ));
        }
        None
    }

    /// `you` in an interview question: the person whose name labels the next answer
    /// (`Mori: …`).
    fn next_answer(&self, at: usize) -> Option<Resolved> {
        let t = self.t;
        let line_end = (at..t.len()).find(|&i| t.c[i] == '\n').unwrap_or(t.len());
        if !t.c[self.line_start(at)..line_end].contains(&'?') {
            return None;
        }
        let limit = (at + 1_500).min(t.len());
        let mut i = at;
        while i < limit {
            if t.c[i] == '\n'
                && let Some(run) = self.names.run_at(i + 1).filter(|r| r.start == i + 1)
                && t.get(run.end) == Some(':')
                && self.names.is_person(run)
            {
                let name = self.names.fullest(&run.text, run.start);
                return Some((vec![name], "pronoun resolved to the person answering", 0.7));
            }
            i += 1;
        }
        None
    }

    /// `he` or `she` inside quoted words: a person the quoted words name before it
    /// (the speaker would say `I`).
    fn named_in_quotes(&self, at: usize) -> Option<Resolved> {
        let run = self
            .names
            .before(at, 600)
            .filter(|r| r.quoted && !r.is_org() && !r.not_person)
            .find(|r| r.words >= 2 || self.names.is_known_person(&r.text))?;
        Some((
            vec![self.names.fullest(&run.text, run.start)],
            "pronoun in quoted words resolved to a person they name",
            0.7,
        ))
    }

    /// Is a person other than `speakers` named between `from` and `to`?
    pub(super) fn names_other(&self, from: usize, to: usize, speakers: &[String]) -> bool {
        self.names
            .before(to, to - from)
            .filter(|r| r.start >= from)
            .any(|r| {
                !r.is_org()
                    && !r.not_person
                    && (r.words >= 2 || self.names.is_known_person(&r.text))
                    && !speakers.contains(&self.names.fullest(&r.text, r.start))
            })
    }

    /// Is `at` inside a (top-level) quote?
    pub(super) fn inside_quote(&self, at: usize) -> bool {
        let k = self.quotes.partition_point(|&(o, _)| o < at);
        self.quotes[..k].iter().any(|&(o, c)| o < at && at < c)
    }

    /// The start of the line holding `at`.
    fn line_start(&self, at: usize) -> usize {
        (0..at)
            .rev()
            .find(|&i| self.t.c[i] == '\n')
            .map_or(0, |i| i + 1)
    }

    /// The start of the sentence holding `at` (quoted passages skipped), looking back
    /// at most a few hundred characters.
    pub(super) fn sentence_start(&self, at: usize) -> usize {
        let t = self.t;
        let floor = at.saturating_sub(1_000);
        let mut i = at;
        while i > floor {
            let c = t.c[i - 1];
            if let Some(&open) = self.by_close.get(&(i - 1)) {
                // A quote ending in a full stop ends the sentence; others are skipped.
                if i >= 2 && matches!(t.c[i - 2], '.' | '!' | '?') {
                    return i;
                }
                i = open;
                continue;
            }
            let ends = matches!(c, '.' | '!' | '?') && t.get(i).is_none_or(char::is_whitespace);
            if c == '\n' || ends {
                return i;
            }
            i -= 1;
        }
        floor
    }

    /// No sentence ends between `from` and `to`, outside quotation marks.
    fn same_sentence(&self, from: usize, to: usize) -> bool {
        let mut i = from;
        while i < to {
            if let Ok(k) = self.quotes.binary_search_by_key(&i, |&(o, _)| o) {
                i = self.quotes[k].1 + 1;
                continue;
            }
            if matches!(self.t.c[i], '.' | '!' | '?' | '\n') {
                return false;
            }
            i += 1;
        }
        true
    }

    /// Who `the <head>` at `at` means: the nearest person with that title or role
    /// near their name, or the organisation with that noun in its name (or in lower
    /// case, `the environment ministry`); less sure
    /// when the name is far away or comes after.
    pub(super) fn description(&self, head: &str, at: usize) -> Option<(String, f32)> {
        // A name a few paragraphs back is surer than one far away.
        let near = |r: &Run| if at - r.end <= 1_500 { 0.8 } else { 0.7 };
        if ORGS.contains(&head) {
            // `Finance Ministry`, `Central Bank of Kestria`.
            let fits = |r: &&Run| {
                r.words >= 2
                    && r.end <= at
                    && r.is_org()
                    && r.text.to_lowercase().split(' ').any(|w| w == head)
            };
            if let Some(run) = self.names.before(at, 6_000).find(fits) {
                return Some((run.text.clone(), near(run)));
            }
            return self.described_org(head, at).map(|org| (org, 0.7));
        }
        let fits = |r: &&Run| self.names.is_person(r) && self.has_role(r, head);
        if let Some(run) = self.names.before(at, 4_000).find(fits) {
            return Some((self.names.fullest(&run.text, run.start), near(run)));
        }
        let run = self.names.after(at, 1_500).find(fits)?;
        Some((self.names.fullest(&run.text, run.start), 0.7))
    }

    /// The person named before `at` with the role `head`.
    fn described_before(&self, head: &str, at: usize) -> Option<String> {
        let fits = |r: &&Run| self.names.is_person(r) && self.has_role(r, head);
        let run = self.names.before(at, 4_000).find(fits)?;
        Some(self.names.fullest(&run.text, run.start))
    }

    /// The role `head` in the same sentence as the name, next to it (`Governor Paul
    /// Reinholt`, `The mayor, Bernard Olivier,`, `Saskia Lindqvist, chief executive`).
    fn has_role(&self, r: &Run, head: &str) -> bool {
        let t = self.t;
        let stop = |c: char| matches!(c, '.' | '!' | '?' | ':' | '\n' | ';');
        let from = (r.start.saturating_sub(40)..r.start)
            .rev()
            .find(|&i| stop(t.c[i]))
            .map_or(r.start.saturating_sub(40), |i| i + 1);
        let to = (r.end..(r.end + 60).min(t.len()))
            .find(|&i| stop(t.c[i]))
            .unwrap_or((r.end + 60).min(t.len()));
        let lower = t.string(from, to).to_lowercase();
        lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == head)
    }
}

const ORGANISATION: &str = "pronoun resolved to the organisation named last";
