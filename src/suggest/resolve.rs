//! Resolving a pronoun or a description to the person (or organisation) it means.
//!
//! - `he`, `she` (and `his`, `her`) outside quotes: looked up in the pass of
//!   `discourse` (salience and gender agreement); inside a quote, a person the quoted
//!   words (or a quote earlier in the paragraph) name: the speaker says `I`, not `he`;
//! - `I` in an interview answer: the person answering (`Name:` or `A:` in a Q&A);
//!   outside quotes in an article with a byline, its author;
//! - `they`: the pair that was a sentence's subject (`He and his colleague B`), else
//!   the pair or list of people named last (`A and B …; they answered`);
//! - `it`: the organisation named last in the sentence or the one before (`The port
//!   authority published a statement. It says …`);
//! - `you` in a question: the person it addresses (`Dr Rahimi, why do you call …`), the
//!   interviewee of a Q&A;
//! - `the minister`, `the ministry`, `her husband`: the person with that title, role or
//!   kin noun near their name, the organisation of that kind (else the organisation
//!   that was a recent sentence's subject: `VarRail said … "…," the company said`).

use super::attribution::Context;
use super::lexicon::ORGS;
use super::names::Run;

/// Speakers, rule and confidence.
type Resolved = (Vec<String>, &'static str, f32);

impl Context<'_> {
    /// Who a pronoun at `at` means, with the rule and the confidence of the guess.
    pub(super) fn pronoun(&self, p: &str, at: usize) -> Option<Resolved> {
        match p {
            "i" => self.answering(at),
            "they" => self.plural(at),
            "it" => self.organisation(at),
            "you" => self.addressee(at).or_else(|| self.next_answer(at)),
            _ if self.inside_quote(at) => self.named_in_quotes(at),
            _ => {
                let m = self.discourse.meant(at)?;
                // `Madec: … He used to say «…»`: the person answering says `I`; `he`
                // in their answer is somebody else.
                if self
                    .answerer(at)
                    .is_some_and(|a| m.speakers.len() == 1 && m.speakers[0] == a)
                {
                    return None;
                }
                Some((m.speakers.clone(), m.rule, m.confidence))
            }
        }
    }

    /// The person whose interview answer the line of `at` is (`Claire Morel: …`, or
    /// `Morel:` for a person named in full before).
    pub(super) fn answerer(&self, at: usize) -> Option<String> {
        let line = self.line_start(at);
        let run = self.names.run_at(line).filter(|r| r.start == line)?;
        (self.t.get(run.end) == Some(':')
            && (run.words >= 2 || self.names.is_known_person(&run.text)))
        .then(|| self.names.fullest(&run.text))
    }

    /// An interview answer: `Claire Morel: … I told her "…"` (or `Morel:` for a
    /// person named in full before), `A: …` in a Q&A with one interviewee; else `I`
    /// outside quotes in an article with a byline (`By Julia Montes`) is its author.
    fn answering(&self, at: usize) -> Option<Resolved> {
        let line = self.line_start(at);
        let answer = "first person in an interview answer";
        if let Some(name) = self.answerer(at) {
            return Some((vec![name], answer, 0.85));
        }
        if self.t.string(line, line + 3) == "A: " {
            return self.interviewee().map(|name| (vec![name], answer, 0.75));
        }
        if self.inside_quote(at) {
            return None;
        }
        self.byline()
            .map(|name| (vec![name], "first person of the article's author", 0.7))
    }

    /// The person a Q&A (lines opening `Q:` and `A:`) interviews: the first person
    /// named in full before the first question.
    pub(super) fn interviewee(&self) -> Option<String> {
        let t = self.t;
        let first_q = (0..t.len().saturating_sub(3))
            .find(|&i| (i == 0 || t.c[i - 1] == '\n') && t.string(i, i + 3) == "Q: ")?;
        let answers = (first_q + 1..t.len().saturating_sub(3))
            .any(|i| t.c[i - 1] == '\n' && t.string(i, i + 3) == "A: ");
        let run = self
            .names
            .after(0, first_q)
            .find(|r| r.end <= first_q && self.names.is_person(r) && r.words >= 2)?;
        answers.then(|| run.text.clone())
    }

    /// The author named by a byline (`By Julia Montes`) in the opening lines.
    fn byline(&self) -> Option<String> {
        let t = self.t;
        let limit = t.len().min(1_000);
        (0..limit.saturating_sub(3)).find_map(|i| {
            let opens = i == 0 || matches!(t.c[i - 1], '\n' | ' ');
            if !opens || t.string(i, i + 3) != "By " {
                return None;
            }
            let run = self.names.run_at(i + 3).filter(|r| r.start == i + 3)?;
            (run.words >= 2 && !run.is_org()).then(|| run.text.clone())
        })
    }

    /// `the statement said`: the subject of a sentence shortly before that mentions a
    /// statement (`Dunmore Harriers said in a statement that …`).
    pub(super) fn author(&self, noun: &str, at: usize) -> Option<Resolved> {
        let k = self.discourse.sentence_of(at);
        for j in (k.saturating_sub(3)..k).rev() {
            let start = self.discourse.sentence_start(j)?;
            let mentions = self.t.words(start).any(|w| {
                !self.inside_quote(w.0) && self.t.lower(w.0, w.1).trim_end_matches('s') == noun
            });
            if mentions {
                let subject = self.discourse.seen_in(j).find(|s| s.subject)?;
                return Some((vec![subject.name.to_owned()], AUTHOR, 0.75));
            }
        }
        None
    }

    /// `they`: the pair or list of people named last.
    fn plural(&self, at: usize) -> Option<Resolved> {
        if let Some(group) = self.discourse.group_before(at) {
            return Some((group, "pronoun resolved to the people named together", 0.75));
        }
        let last = self
            .names
            .before(at, 600)
            .find(|r| self.names.is_person(r))?;
        // `A, 74, and her husband B, 77, who …`: a list opened earlier in the
        // sentence that names the last person.
        let sentence = self.sentence_start(last.start);
        let named_last = self.names.fullest(&last.text);
        if let Some(list) = self
            .names
            .before(last.start, 200)
            .take_while(|r| r.start >= sentence)
            .filter(|r| self.names.is_person(r))
            .map(|r| self.list_at(r.start))
            .filter(|l| l.len() >= 2 && l.contains(&named_last))
            .max_by_key(Vec::len)
        {
            return Some((list, "pronoun resolved to the people named last", 0.75));
        }
        let mut first = last;
        for r in self.names.before(last.start, 200) {
            let gap = self.t.string(r.end, first.start);
            if !matches!(gap.as_str(), " and " | ", and " | ", ") || !self.names.is_person(r) {
                break;
            }
            first = r;
        }
        let list = self.list_at(first.start);
        if list.len() >= 2 {
            return Some((list, "pronoun resolved to the people named last", 0.75));
        }
        // `Nogueira and her co-author, Kofi Mensah-Barros, estimate … "…,"
        // Mensah-Barros said. … "…," they wrote`: the pair named together a little
        // further back, a guess.
        let sentence = self.sentence_start(at);
        self.names
            .before(sentence, 1_500)
            .filter(|r| self.names.is_person(r))
            .take(8)
            .map(|r| self.list_at(r.start))
            .find(|l| l.len() >= 2)
            .map(|list| (list, "pronoun resolved to a pair named before", 0.6))
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
                vec![self.names.fullest(&run.text)],
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
        if self.t.string(self.line_start(at), self.line_start(at) + 3) == "Q: "
            && let Some(name) = self.interviewee()
        {
            return Some((vec![name], "pronoun resolved to the person answering", 0.75));
        }
        let limit = (at + 1_500).min(t.len());
        let mut i = at;
        while i < limit {
            if t.c[i] == '\n'
                && let Some(run) = self.names.run_at(i + 1).filter(|r| r.start == i + 1)
                && t.get(run.end) == Some(':')
                && self.names.is_person(run)
            {
                let name = self.names.fullest(&run.text);
                return Some((vec![name], "pronoun resolved to the person answering", 0.7));
            }
            i += 1;
        }
        None
    }

    /// `he` or `she` inside quoted words: a person the quoted words name before it
    /// (the speaker would say `I`).
    fn named_in_quotes(&self, at: usize) -> Option<Resolved> {
        // Named in these quoted words, or in a quote earlier in the paragraph.
        let paragraph = self.line_start(at);
        let run = self
            .names
            .before(at, at - paragraph)
            .filter(|r| r.quoted && !r.is_org() && !r.not_person && r.start >= paragraph)
            .find(|r| r.words >= 2 || self.names.is_known_person(&r.text))?;
        Some((
            vec![self.names.fullest(&run.text)],
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
                    && !speakers.contains(&self.names.fullest(&r.text))
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
            // Last, `The operator, Rávdnji Nickel, … the company said`: a business
            // named without the word, the nearest one.
            let business = || {
                matches!(head, "company" | "firm" | "operator" | "group")
                    .then(|| {
                        self.names
                            .before(at, 2_000)
                            .find(|r| !r.quoted && self.names.is_business(r))
                            .map(|r| self.names.fullest_org(&r.text))
                    })
                    .flatten()
            };
            return self
                .described_org(head, at)
                .or_else(|| self.discourse.thing_before(at))
                .or_else(|| self.which_before(at))
                .or_else(business)
                .map(|org| (org, 0.7));
        }
        let fits = |r: &&Run| self.names.is_person(r) && self.has_role(r, head);
        if let Some(run) = self.names.before(at, 4_000).find(fits) {
            return Some((self.names.fullest(&run.text), near(run)));
        }
        let run = self.names.after(at, 1_500).find(fits)?;
        Some((self.names.fullest(&run.text), 0.7))
    }

    /// The name before `at` (within a few sentences) that `, which` follows: a thing,
    /// not a person, whatever its words (`Brightwater Leisure, which runs the pool`).
    fn which_before(&self, at: usize) -> Option<String> {
        let t = self.t;
        self.names
            .before(at, 1_500)
            .filter(|r| !r.quoted)
            .find(|r| t.string(r.end, (r.end + 7).min(t.len())) == ", which")
            .map(|r| self.names.fullest_org(&r.text))
    }

    /// The person named before `at` with the role `head`.
    pub(super) fn described_before(&self, head: &str, at: usize) -> Option<String> {
        let fits = |r: &&Run| self.names.is_person(r) && self.has_role(r, head);
        let run = self.names.before(at, 4_000).find(fits)?;
        Some(self.names.fullest(&run.text))
    }

    /// The role `head` next to the name: among the four words before it (`Governor
    /// Paul Reinholt`, `The mayor, Bernard Olivier,`) or in an apposition right after it
    /// (`Saskia Lindqvist, chief executive of …`), not elsewhere in its sentence
    /// (`The minister visited Sant Ilari`).
    fn has_role(&self, r: &Run, head: &str) -> bool {
        let t = self.t;
        let stop = |c: char| matches!(c, '.' | '!' | '?' | ':' | '\n' | ';');
        let is_head = |w: &(usize, usize)| t.string(w.0, w.1).to_lowercase() == head;
        // Nearest first.
        let before = t.words_before(r.start, 4);
        let reach = before.last().map_or(r.start, |w| w.0);
        // `The mayor, Bernard Olivier`: the role just before the comma.
        if r.start >= 2 && t.c[r.start - 2..r.start] == [',', ' '] {
            return before.first().is_some_and(is_head);
        }
        // Else in the same phrase: no comma between (`…, the agriculture minister,
        // visited Sant Ilari` is no role of Sant Ilari).
        let phrase = (reach..r.start)
            .rev()
            .find(|&i| stop(t.c[i]) || t.c[i] == ',')
            .map_or(reach, |i| i + 1);
        if before.iter().filter(|w| w.0 >= phrase).any(is_head) {
            return true;
        }
        if t.get(r.end) != Some(',') {
            return false;
        }
        let after = t.words_after(r.end, 6);
        let end = after.last().map_or(r.end, |w| w.1);
        let clause = (r.end + 1..end)
            .find(|&i| stop(t.c[i]) || t.c[i] == ',')
            .unwrap_or(end);
        after.iter().filter(|w| w.1 <= clause).any(is_head)
    }
}

const ORGANISATION: &str = "pronoun resolved to the organisation named last";
const AUTHOR: &str = "the author of the statement an earlier sentence mentions";
