//! Who said a quote: rules over the sentence around it, each recorded on the
//! suggestion so the window can say why.
//!
//! - after the quote: `"…," Brandt said`, `said economist Jonas Weber`, `"…," he said`,
//!   a list (`warned A, B, and C from …` gives all of them), a pull-quote dash;
//! - before it in the same sentence: the subject of a reporting verb (`X emphasized
//!   that the guarantees were "…"`, `X, chief executive of Y, warned that …`, `language
//!   Castell called "…"`, `according to X`);
//! - a colon introduction (`Her message was blunt: "…"`, `the mayors A, B and C issued
//!   an appeal: "…"`).
//!
//! Pronouns resolve to the nearest person named before the quote (`I` in an interview
//! answer to the person answering), descriptions (`the minister`, `the chief
//! executive`, `the council`) to the nearest person with that title or role (or the
//! organisation of that kind), and every name to the fullest form the article uses.

use super::lexicon::{ORGS, PRONOUNS, ROLES, SKIP, VERBS};
use super::names::{Names, Run, is_title};
use super::text::Chars;
use std::collections::HashMap;

/// A speaker (one or several people) and the rule that found them.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Attribution {
    pub(super) speakers: Vec<String>,
    pub(super) rule: &'static str,
    pub(super) confidence: f32,
}

pub(super) fn is_verb(w: &str) -> bool {
    VERBS.contains(&w.to_lowercase().as_str())
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Word(usize, usize),
    Break,
}

enum Subject {
    Names(Vec<String>, usize),
    Pronoun(String, usize),
    Description(String, usize),
}

pub(super) struct Context<'a> {
    pub(super) t: &'a Chars,
    /// Quotes as (opening mark, closing mark), sorted by opening mark.
    pub(super) quotes: Vec<(usize, usize)>,
    by_close: HashMap<usize, usize>,
    pub(super) names: Names,
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
        Self {
            t,
            quotes,
            by_close,
            names,
        }
    }

    fn word(&self, w: (usize, usize)) -> String {
        self.t.string(w.0, w.1)
    }

    /// The clause tokens before `at` back to the sentence start, in text order; quoted
    /// passages count as a break. Stops at the opening mark of a quote around `at`.
    fn clause_before(&self, at: usize) -> Vec<Tok> {
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

    /// The names of a list starting at `p`: `A`, `A and B`, `A, B, and C`.
    fn list_at(&self, p: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = p;
        while let Some(run) = self.names.run_at(at).filter(|r| r.start == at) {
            out.push(self.names.fullest(&run.text, run.start));
            let rest: String = self.t.c[run.end..(run.end + 6).min(self.t.len())]
                .iter()
                .collect();
            let skip = [", and ", " and ", ", "]
                .iter()
                .find(|s| rest.starts_with(*s))
                .map(|s| s.chars().count());
            match skip {
                Some(n) => at = run.end + n,
                None => break,
            }
        }
        out
    }

    /// The subject of a verb whose clause tokens before it are `toks`.
    fn subject(&self, toks: &[Tok], appositions: bool) -> Option<Subject> {
        let mut j = toks.len();
        while let Some(Tok::Word(s, e)) = j.checked_sub(1).map(|k| toks[k]) {
            if !SKIP.contains(&self.word((s, e)).as_str()) {
                break;
            }
            j -= 1;
        }
        let k = toks[..j]
            .iter()
            .rposition(|t| *t == Tok::Break)
            .map_or(0, |b| b + 1);
        let chunk: Vec<(usize, usize)> = toks[k..j]
            .iter()
            .filter_map(|t| match t {
                Tok::Word(s, e) => Some((*s, *e)),
                Tok::Break => None,
            })
            .collect();
        if let Some(s) = self.trailing_subject(&chunk) {
            return Some(s);
        }
        if !appositions || k == 0 {
            return None;
        }
        // `X, chief executive of Y, warned`: a chunk that is all names, further back.
        self.apposition(&toks[..k])
    }

    /// A pronoun, name or description ending `chunk` (the words right before a verb).
    fn trailing_subject(&self, chunk: &[(usize, usize)]) -> Option<Subject> {
        let mut end = chunk.len();
        loop {
            let last = *chunk[..end].last()?;
            let w = self.word(last);
            if PRONOUNS.contains(&w.to_lowercase().as_str()) {
                return Some(Subject::Pronoun(w.to_lowercase(), last.0));
            }
            if let Some(run) = self.names.run_at(last.0).filter(|r| r.end == last.1) {
                // `the mayor of Valbrune tells`: a place after a preposition.
                let first = chunk[..end].iter().position(|w| w.0 == run.start);
                let before = first
                    .and_then(|f| f.checked_sub(1))
                    .map(|f| self.word(chunk[f]));
                if before
                    .as_deref()
                    .is_some_and(|b| matches!(b, "of" | "in" | "from" | "at" | "for" | "to"))
                {
                    end = first.unwrap_or(1).saturating_sub(1);
                    continue;
                }
                let names = self.list_ending(run, chunk);
                return Some(Subject::Names(names, run.start));
            }
            let lw = w.to_lowercase();
            let described = chunk[..end.saturating_sub(1)]
                .iter()
                .rev()
                .take(3)
                .any(|p| matches!(self.word(*p).to_lowercase().as_str(), "the" | "its"));
            if described && (ROLES.contains(&lw.as_str()) || ORGS.contains(&lw.as_str())) {
                return Some(Subject::Description(lw, last.0));
            }
            return None;
        }
    }

    /// The list a run ends (`Reinholt and Haddad said` gives both).
    fn list_ending(&self, run: &Run, chunk: &[(usize, usize)]) -> Vec<String> {
        let first = chunk.iter().position(|w| w.0 == run.start).unwrap_or(0);
        if first >= 2
            && self.word(chunk[first - 1]) == "and"
            && let Some(prev) = self.names.run_at(chunk[first - 2].0)
            && self.names.is_person(prev)
            && self.names.is_person(run)
        {
            return self.list_at(prev.start);
        }
        vec![self.names.fullest(&run.text, run.start)]
    }

    /// The nearest chunk before the clause that is all names (titles allowed), with
    /// the adjacent chunks of names: the subject the apposition describes.
    fn apposition(&self, toks: &[Tok]) -> Option<Subject> {
        let chunks: Vec<Vec<(usize, usize)>> = toks
            .split(|t| *t == Tok::Break)
            .map(|c| {
                c.iter()
                    .filter_map(|t| match t {
                        Tok::Word(s, e) => Some((*s, *e)),
                        Tok::Break => None,
                    })
                    .collect()
            })
            .collect();
        let mut found: Vec<(usize, Vec<String>)> = Vec::new();
        for chunk in chunks.iter().rev() {
            match self.all_names(chunk) {
                Some(list) => found.push(list),
                None if !found.is_empty() => break,
                None => {}
            }
        }
        let start = found.last()?.0;
        let names = found.into_iter().rev().flat_map(|(_, n)| n).collect();
        Some(Subject::Names(names, start))
    }

    /// The people of a chunk made only of names, titles and `and`.
    fn all_names(&self, chunk: &[(usize, usize)]) -> Option<(usize, Vec<String>)> {
        let mut names = Vec::new();
        let mut at = None;
        let mut i = 0;
        while i < chunk.len() {
            let w = self.word(chunk[i]);
            if is_title(&w) || (w == "and" && !names.is_empty()) {
                i += 1;
                continue;
            }
            let run = self
                .names
                .run_at(chunk[i].0)
                .filter(|r| r.start == chunk[i].0)?;
            if !self.names.is_person(run) {
                return None;
            }
            at.get_or_insert(run.start);
            names.push(self.names.fullest(&run.text, run.start));
            while i < chunk.len() && chunk[i].0 < run.end {
                i += 1;
            }
        }
        Some((at?, names))
    }

    /// Turns a subject into an attribution: `explicit` is the rule and confidence for
    /// a name given in the text.
    fn resolve(&self, subject: Subject, explicit: (&'static str, f32)) -> Option<Attribution> {
        let (speakers, rule, confidence) = match subject {
            Subject::Names(names, _) => {
                let rule = if names.len() > 1 {
                    "speaker list"
                } else {
                    explicit.0
                };
                (names, rule, explicit.1)
            }
            Subject::Pronoun(p, at) => {
                let (name, c) = self.pronoun(&p, at)?;
                (
                    vec![name],
                    "pronoun resolved to the nearest person named",
                    c,
                )
            }
            Subject::Description(d, at) => {
                let (name, c) = self.description(&d, at)?;
                (vec![name], "description resolved to a named person", c)
            }
        };
        Some(Attribution {
            speakers,
            rule,
            confidence,
        })
    }

    /// The speaker named after the closing mark at `close`.
    pub(super) fn after(&self, close: usize, ended: Option<char>) -> Option<Attribution> {
        let t = self.t;
        let mut i = close + 1;
        let mut dashed = false;
        while i < t.len() && !t.is_word(i) {
            match t.c[i] {
                '—' | '–' => dashed = true,
                '.' | '!' | '?' if !dashed => return None,
                '“' | '"' | '«' | '„' | '‘' => return None,
                '\n' if !dashed => {
                    let next = (i + 1..t.len()).find(|&j| !t.c[j].is_whitespace())?;
                    if !matches!(t.c[next], '—' | '–') {
                        return None;
                    }
                    i = next;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let words = t.words_after(i, 14);
        let first = *words.first()?;
        if dashed {
            let run = self.names.run_at(first.0).filter(|r| r.start == first.0)?;
            return Some(Attribution {
                speakers: vec![self.names.fullest(&run.text, run.start)],
                rule: "name after a dash",
                confidence: 0.9,
            });
        }
        // After a quote that ended with `.`, a new sentence starts; after `?` or `!`
        // only a lower-case attribution continues it.
        match ended {
            Some('.') => return None,
            Some(_) if !t.get(first.0).is_some_and(char::is_lowercase) => return None,
            _ => {}
        }
        let verb = words.iter().position(|w| is_verb(&self.word(*w)))?;
        let explicit = ("quotation marks + attribution", 0.9);
        if verb == 0 {
            // `said Lavrov`, `said economist Jonas Weber`, `warned A, B, and C`.
            for w in words.iter().skip(1).take(4) {
                let text = self.word(*w);
                if PRONOUNS.contains(&text.as_str()) {
                    return self.resolve(Subject::Pronoun(text, w.0), explicit);
                }
                if let Some(run) = self.names.run_at(w.0).filter(|r| r.start == w.0) {
                    let names = self.list_at(run.start);
                    return self.resolve(Subject::Names(names, run.start), explicit);
                }
                if ROLES.contains(&text.as_str()) && self.word(words[1]) == "the" {
                    return self.resolve(Subject::Description(text, w.0), explicit);
                }
            }
            return None;
        }
        // `"…", Anja Smit, a spokeswoman, said`: commas mark an apposition.
        let mut toks = Vec::new();
        for (k, w) in words[..verb].iter().enumerate() {
            if k > 0 && t.c[words[k - 1].1..w.0].contains(&',') {
                toks.push(Tok::Break);
            }
            toks.push(Tok::Word(w.0, w.1));
        }
        if verb > 0 && t.c[words[verb - 1].1..words[verb].0].contains(&',') {
            toks.push(Tok::Break);
        }
        let subject = self.subject(&toks, true)?;
        self.resolve(subject, explicit)
    }

    /// The subject of the reporting verb before the opening mark at `open`, in the
    /// same sentence.
    pub(super) fn before(&self, open: usize) -> Option<Attribution> {
        let toks = self.clause_before(open);
        let is = |t: &Tok, w: &str| matches!(t, Tok::Word(s, e) if self.word((*s, *e)).eq_ignore_ascii_case(w));
        if let Some(k) = toks.iter().rposition(|t| is(t, "according"))
            && toks.get(k + 1).is_some_and(|t| is(t, "to"))
            && let Some(Tok::Word(s, _)) = toks.get(k + 2)
        {
            let names = self.list_at(*s);
            if !names.is_empty() {
                return Some(Attribution {
                    speakers: names,
                    rule: "according to",
                    confidence: 0.9,
                });
            }
        }
        let verb = toks
            .iter()
            .rposition(|t| matches!(t, Tok::Word(s, e) if is_verb(&self.word((*s, *e)))))?;
        let subject = self.subject(&toks[..verb], true)?;
        self.resolve(
            subject,
            ("subject of a reporting verb before the quote", 0.9),
        )
    }

    /// A quote introduced by a colon (`Her message was blunt: "…"`), the colon in the
    /// same paragraph or ending the one before: the subject of the clause before it.
    pub(super) fn colon(&self, open: usize) -> Option<Attribution> {
        let t = self.t;
        let colon = (0..open).rev().find(|&i| !t.c[i].is_whitespace())?;
        if t.c[colon] != ':' {
            return None;
        }
        if let Some(a) = self.before(colon) {
            return Some(a);
        }
        let toks = self.clause_before(colon);
        let chunk: Vec<(usize, usize)> = toks
            .iter()
            .skip_while(|t| **t == Tok::Break)
            .take_while(|t| **t != Tok::Break)
            .filter_map(|t| match t {
                Tok::Word(s, e) => Some((*s, *e)),
                Tok::Break => None,
            })
            .collect();
        let explicit = ("colon after a named speaker", 0.85);
        let first = *chunk.first()?;
        let w = self.word(first).to_lowercase();
        if matches!(w.as_str(), "her" | "his" | "he" | "she") {
            return self.resolve(Subject::Pronoun("she".into(), first.0), explicit);
        }
        if let Some(run) = self
            .names
            .run_at(first.0)
            .filter(|r| self.names.is_person(r))
        {
            let names = self.list_at(run.start);
            return self.resolve(Subject::Names(names, run.start), explicit);
        }
        match self.apposition(&toks)? {
            Subject::Names(n, at) => self.resolve(Subject::Names(n, at), explicit),
            _ => None,
        }
    }

    /// A headline (a line with no full stop) that names one person beside the quote.
    pub(super) fn headline(&self, open: usize, close: usize) -> Option<Attribution> {
        let t = self.t;
        let start = (0..open)
            .rev()
            .find(|&i| t.c[i] == '\n')
            .map_or(0, |i| i + 1);
        let end = (close..t.len())
            .find(|&i| t.c[i] == '\n')
            .unwrap_or(t.len());
        let line = t.string(start, end);
        if end - start > 200 || line.trim_end().ends_with(['.', '!', '?']) {
            return None;
        }
        let run = self
            .names
            .after(start, end - start)
            .filter(|r| r.end <= end)
            .find(|r| self.names.is_person(r))?;
        Some(Attribution {
            speakers: vec![self.names.fullest(&run.text, run.start)],
            rule: "headline naming the speaker",
            confidence: 0.7,
        })
    }
}
