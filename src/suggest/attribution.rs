//! Who said a quote: rules over the sentence around it, each recorded on the
//! suggestion so the window can say why. This module reads a clause (its tokens and
//! its subject; names set apart by an apposition in `appositions`, speaker lists in
//! `lists`); the rules by where the speaker stands are in `reporting`, pronouns and
//! descriptions are resolved in `resolve`.
//!
//! - after the quote: `"…," Brandt said`, `said economist Jonas Weber`, `"…," he said`,
//!   a list (`warned A, B, and C from …` gives all of them), a pull-quote dash;
//! - before it in the same sentence: the subject of a reporting verb (`X emphasized
//!   that the guarantees were "…"`, `X, chief executive of Y, warned that …`, `X, who
//!   …, told reporters that …`, `language Castell called "…"`, `according to X`), a
//!   passive verb skipped (`before the decision was announced`), and a second
//!   `that`-clause given to the verb of the first (`X stressed that …, and that "…"`);
//! - a colon introduction (`Her message was blunt: "…"`, `the mayors A, B and C issued
//!   an appeal: "…"`).
//!
//! Pronouns resolve to the most salient earlier person whose gender fits (`discourse`);
//! `I`, `you`, `they`, `it` and descriptions (`the minister`, `the chief executive`,
//! `her husband`, `the 54-year-old`, `the council`) in `resolve`; a description nobody
//! named fits (`the official said`, `a spokeswoman for the agency said`) gives a quote
//! with no speaker rather than a wrong one; every name takes the fullest form the
//! article uses.

use super::discourse::{Article, Discourse, person_noun};
use super::gender::{Genders, noun_gender};
use super::lexicon::{ORGS, PRONOUNS, ROLES, VERBS, skippable};
use super::names::Names;
use super::org_words::DOCUMENTS;
use super::text::Chars;
use std::cell::RefCell;
use std::collections::HashMap;

/// A speaker (one or several people) and the rule that found them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Attribution {
    pub(super) speakers: Vec<String>,
    pub(super) rule: &'static str,
    pub(super) confidence: f32,
}

const UNNAMED: &str = "a person the article does not name";

pub(super) fn is_verb(w: &str) -> bool {
    VERBS.contains(&w.to_lowercase().as_str())
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Tok {
    Word(usize, usize),
    Break,
}

impl Tok {
    /// The word's range, if this is a word.
    pub(super) fn word(&self) -> Option<(usize, usize)> {
        match *self {
            Tok::Word(s, e) => Some((s, e)),
            Tok::Break => None,
        }
    }
}

/// The words of `toks`, breaks left out.
pub(super) fn words_of(toks: &[Tok]) -> Vec<(usize, usize)> {
    toks.iter().filter_map(Tok::word).collect()
}

/// The words of `toks` in chunks between breaks (empty chunks kept).
pub(super) fn chunks_of(toks: &[Tok]) -> Vec<Vec<(usize, usize)>> {
    toks.split(|t| *t == Tok::Break).map(words_of).collect()
}

pub(super) enum Subject {
    Names(Vec<String>, usize),
    Pronoun(String, usize),
    Description(String, usize),
    /// A person the text describes without a name (`a spokeswoman for the agency`).
    Unnamed,
}

pub(super) struct Context<'a> {
    pub(super) t: &'a Chars,
    /// Quotes as (opening mark, closing mark), sorted by opening mark.
    pub(super) quotes: Vec<(usize, usize)>,
    pub(super) by_close: HashMap<usize, usize>,
    /// Top-level quotes (not inside another), sorted.
    top: Vec<(usize, usize)>,
    pub(super) names: Names,
    pub(super) genders: Genders,
    pub(super) discourse: Discourse,
    /// Capitalised words found (or not) in lower case in the text, asked once each
    /// (`titles`).
    pub(super) lower_case_seen: RefCell<HashMap<String, bool>>,
}

impl Article for Context<'_> {
    fn chars(&self) -> &Chars {
        self.t
    }
    fn names(&self) -> &Names {
        &self.names
    }
    fn genders(&self) -> &Genders {
        &self.genders
    }
    fn top_quote_at(&self, i: usize) -> Option<usize> {
        Context::top_quote_at(self, i)
    }
    fn after_descriptor(&self, words: &[(usize, usize)], lead: usize) -> usize {
        Context::after_descriptor(self, words, lead)
    }
    fn described_before(&self, head: &str, at: usize) -> Option<String> {
        Context::described_before(self, head, at)
    }
    fn group_at(&self, at: usize, a: String, words: &[(usize, usize)]) -> Option<Vec<String>> {
        Context::group_at(self, at, a, words)
    }
    fn answerer(&self, at: usize) -> Option<String> {
        Context::answerer(self, at)
    }
}

impl<'a> Context<'a> {
    pub(super) fn new(t: &'a Chars, quotes: &[(usize, usize)]) -> Self {
        let mut quotes = quotes.to_vec();
        quotes.sort_unstable();
        let by_close = quotes.iter().map(|&(o, c)| (c, o)).collect();
        // Top-level quotes only for "inside a quote" (they are sorted and nested ones
        // lie inside their outer quote).
        let mut top: Vec<(usize, usize)> = Vec::new();
        for &(o, c) in &quotes {
            if top.last().is_none_or(|&(_, lc)| o > lc) {
                top.push((o, c));
            }
        }
        let quoted = |i: usize| {
            let k = top.partition_point(|&(o, _)| o <= i);
            k > 0 && top[k - 1].1 >= i
        };
        let names = Names::new(t, quoted, is_verb);
        let mut cx = Self {
            t,
            quotes,
            by_close,
            top,
            names,
            genders: Genders::default(),
            discourse: Discourse::default(),
            lower_case_seen: RefCell::default(),
        };
        let sentences = super::discourse::sentences(t, |i| cx.top_quote_at(i));
        cx.genders = Genders::new(t, &cx.names, &sentences, |i| cx.in_top_quote(i));
        cx.discourse = Discourse::build(&cx, &sentences);
        cx
    }

    /// The closing mark of the top-level quote opened at `i`, if one is.
    pub(super) fn top_quote_at(&self, i: usize) -> Option<usize> {
        self.top
            .binary_search_by_key(&i, |&(o, _)| o)
            .ok()
            .map(|k| self.top[k].1)
    }

    /// The closing mark of the top-level quote around `i` (its marks included).
    pub(super) fn top_close_around(&self, i: usize) -> Option<usize> {
        let k = self.top.partition_point(|&(o, _)| o <= i);
        (k > 0 && self.top[k - 1].1 >= i).then(|| self.top[k - 1].1)
    }

    /// Is `i` inside a top-level quote (its marks included)?
    pub(super) fn in_top_quote(&self, i: usize) -> bool {
        let k = self.top.partition_point(|&(o, _)| o <= i);
        k > 0 && self.top[k - 1].1 >= i
    }

    pub(super) fn word(&self, w: (usize, usize)) -> String {
        self.t.string(w.0, w.1)
    }

    /// The clause tokens before `at` back to the sentence start, in text order; quoted
    /// passages count as a break. Stops at the opening mark of a quote around `at`.
    pub(super) fn clause_before(&self, at: usize) -> Vec<Tok> {
        let t = self.t;
        let mut out = Vec::new();
        let mut i = at;
        while i > 0 && out.len() < 60 {
            let c = t.c[i - 1];
            if let Some(&open) = self.by_close.get(&(i - 1)) {
                // A quote that ended its sentence ends the clause too.
                if i >= 2 && matches!(t.c[i - 2], '.' | '!' | '?') {
                    break;
                }
                out.push(Tok::Break);
                i = open;
                continue;
            }
            if self
                .quotes
                .binary_search_by_key(&(i - 1), |&(o, _)| o)
                .is_ok_and(|k| self.quotes[k].1 >= at)
            {
                break;
            }
            let ends = matches!(c, '.' | '!' | '?')
                && t.get(i).is_some_and(|n| {
                    n.is_whitespace() || matches!(n, '”' | '"' | '»' | '’' | '«' | '“')
                });
            if c == '\n' || ends {
                break;
            }
            // `Councillor Rhys Morgan (Plaid Cymru, Aberdyfi) said`: an aside in
            // brackets is no part of the clause.
            if c == ')'
                && let Some(open) = (i.saturating_sub(120)..i - 1)
                    .rev()
                    .find(|&j| matches!(t.c[j], '(' | '.' | '\n'))
                    .filter(|&j| t.c[j] == '(')
            {
                out.push(Tok::Break);
                i = open;
                continue;
            }
            if c.is_alphanumeric() {
                let mut s = i - 1;
                while s > 0
                    && (t.is_word(s - 1)
                        || (matches!(t.c[s - 1], '-' | '\'' | '’') && s >= 2 && t.is_word(s - 2)))
                {
                    s -= 1;
                }
                out.push(Tok::Word(s, i));
                i = s;
            } else {
                if matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | ')') {
                    out.push(Tok::Break);
                }
                i -= 1;
            }
        }
        out.reverse();
        out
    }

    /// The subject of a verb whose clause tokens before it are `toks`.
    pub(super) fn subject(&self, toks: &[Tok], appositions: bool) -> Option<Subject> {
        let mut j = toks.len();
        while let Some(Tok::Word(s, e)) = j.checked_sub(1).map(|k| toks[k]) {
            if !skippable(&self.word((s, e))) {
                break;
            }
            j -= 1;
        }
        let k = toks[..j]
            .iter()
            .rposition(|t| *t == Tok::Break)
            .map_or(0, |b| b + 1);
        let chunk = words_of(&toks[k..j]);
        if let Some(s) = self.trailing_subject(&chunk) {
            return Some(s);
        }
        if let [relative] = chunk[..]
            && k > 0
            && let Some(s) = self.antecedent(relative, &toks[..k - 1])
        {
            return Some(s);
        }
        if let Some(s) = self.coordinated(&chunk) {
            return Some(s);
        }
        if !appositions || k == 0 {
            return None;
        }
        // `X, chief executive of Y, warned`: a chunk that is all names, further back.
        self.apposition(&toks[..k])
    }

    /// The subject a second verb shares with the first (`Popa congratulated Ionescu
    /// and said`): the name, pronoun or description opening the chunk, followed by a
    /// lower-case word (its verb).
    fn coordinated(&self, chunk: &[(usize, usize)]) -> Option<Subject> {
        let (&last, rest) = chunk.split_last()?;
        if !matches!(self.word(last).as_str(), "and" | "but") {
            return None;
        }
        (1..rest.len().min(5)).find_map(|n| {
            let next = rest[n];
            if !self.t.get(next.0).is_some_and(char::is_lowercase) {
                return None;
            }
            self.trailing_subject(&rest[..n])
        })
    }

    /// A pronoun, name or description ending `chunk` (the words right before a verb).
    pub(super) fn trailing_subject(&self, chunk: &[(usize, usize)]) -> Option<Subject> {
        let mut end = chunk.len();
        loop {
            let last = *chunk[..end].last()?;
            let w = self.word(last);
            if PRONOUNS.contains(&w.to_lowercase().as_str()) {
                return Some(Subject::Pronoun(w.to_lowercase(), last.0));
            }
            if let Some(run) = self.names.run_at(last.0).filter(|r| r.end == last.1) {
                // `the mayor of Valbrune tells`, `Tomas Berg of the Institute for Fiscal
                // Studies called`: a place or an employer after a preposition.
                let first = chunk[..end].iter().position(|w| w.0 == run.start);
                let mut k = first.unwrap_or(0);
                if k >= 2 && self.word(chunk[k - 1]) == "the" {
                    k -= 1;
                }
                let before = k.checked_sub(1).map(|f| self.word(chunk[f]));
                // `A statement from the Harbour Authority said`: its author.
                let document = k
                    .checked_sub(2)
                    .map(|d| self.word(chunk[d]).to_lowercase())
                    .is_some_and(|d| DOCUMENTS.contains(&d.trim_end_matches('s')));
                if document && matches!(before.as_deref(), Some("from" | "by" | "of")) {
                    let name = if run.is_org() {
                        self.names.fullest_org(&run.text)
                    } else {
                        self.names.fullest(&run.text)
                    };
                    return Some(Subject::Names(vec![name], run.start));
                }
                if before
                    .as_deref()
                    .is_some_and(|b| matches!(b, "of" | "in" | "from" | "at" | "for" | "to"))
                {
                    end = k.saturating_sub(1);
                    continue;
                }
                let names = self.list_ending(run, chunk);
                return Some(Subject::Names(names, run.start));
            }
            let lw = w.to_lowercase();
            // `a spokeswoman for the agency`: the person before the preposition.
            let head = (end.saturating_sub(4)..end.saturating_sub(1))
                .rev()
                .find(|&j| {
                    j > 0
                        && matches!(self.word(chunk[j]).as_str(), "for" | "of" | "at" | "from")
                        && person_noun(&self.word(chunk[j - 1]).to_lowercase())
                });
            if let Some(j) = head {
                end = j;
                continue;
            }
            let before: Vec<String> = chunk[..end.saturating_sub(1)]
                .iter()
                .rev()
                .take(3)
                .map(|p| self.word(*p).to_lowercase())
                .collect();
            let definite = before.iter().any(|b| matches!(b.as_str(), "the" | "its"));
            let possessive = before
                .first()
                .is_some_and(|b| matches!(b.as_str(), "his" | "her" | "their" | "my" | "our"));
            let role = ROLES.contains(&lw.as_str()) || ORGS.contains(&lw.as_str());
            // `the nurses said`: people the article does not name.
            let plural = lw.len() > 3
                && lw.ends_with('s')
                && !lw.ends_with("ss")
                && !ORGS.contains(&lw.as_str())
                && person_noun(&lw[..lw.len() - 1]);
            if definite && plural {
                return Some(Subject::Unnamed);
            }
            if definite && (role || person_noun(&lw) || DOCUMENTS.contains(&lw.as_str())) {
                return Some(Subject::Description(lw, last.0));
            }
            if possessive && (role || noun_gender(&lw).is_some()) {
                return Some(Subject::Description(lw, last.0));
            }
            let indefinite = before
                .iter()
                .any(|b| matches!(b.as_str(), "a" | "an" | "one"));
            if indefinite && !definite && person_noun(&lw) {
                return Some(Subject::Unnamed);
            }
            return None;
        }
    }

    /// Turns a subject into an attribution: `explicit` is the rule and confidence for
    /// a name given in the text.
    pub(super) fn resolve(
        &self,
        subject: Subject,
        explicit: (&'static str, f32),
    ) -> Option<Attribution> {
        let (speakers, rule, confidence) = match subject {
            Subject::Names(names, _) => {
                let rule = if names.len() > 1 {
                    "speaker list"
                } else {
                    explicit.0
                };
                (names, rule, explicit.1)
            }
            Subject::Pronoun(p, at) => self.pronoun(&p, at)?,
            Subject::Description(d, at) if DOCUMENTS.contains(&d.as_str()) => {
                self.author(&d, at)?
            }
            Subject::Description(d, at) => match self.description(&d, at) {
                Some((name, c)) => {
                    let rule = if ORGS.contains(&d.as_str()) {
                        "description resolved to an organisation"
                    } else {
                        "description resolved to a named person"
                    };
                    (vec![name], rule, c)
                }
                // `the 58-year-old`, `the retired teacher`: whom the discourse pass
                // took it for.
                None if let Some(m) = self.discourse.meant(at) => {
                    (m.speakers.clone(), m.rule, m.confidence)
                }
                // `the teacher` nobody was introduced as and the pass could not
                // place: other rules may know better. (`My grandmother said` is
                // somebody unnamed.)
                None if d.ends_with("-year-old")
                    || (noun_gender(&d).is_none()
                        && !ROLES.contains(&d.as_str())
                        && !ORGS.contains(&d.as_str())) =>
                {
                    return None;
                }
                // `the official said`, with nobody named with that role: a person
                // the article does not name (a wrong name would be worse).
                None => (Vec::new(), UNNAMED, 0.75),
            },
            Subject::Unnamed => (Vec::new(), UNNAMED, 0.75),
        };
        Some(Attribution {
            speakers,
            rule,
            confidence,
        })
    }
}
