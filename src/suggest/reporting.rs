//! The attribution rules by where the speaker stands: after the quote (`"…," X said`,
//! a pull-quote dash), before it in the same sentence (the subject of a reporting
//! verb, `according to X`), or before a colon introducing it; the frames around a
//! quote (headlines, `That was the warning from X`) are in `frames`.

use super::attribution::{Attribution, Context, Subject, Tok, chunks_of, is_verb, words_of};
use super::frames::SPEECH;
use super::lexicon::{ORGS, PASSIVE, PRONOUNS, ROLES, skippable};

impl Context<'_> {
    /// The speaker named after the closing mark at `close`.
    pub(super) fn after(&self, close: usize, ended: Option<char>) -> Option<Attribution> {
        let t = self.t;
        let mut i = close + 1;
        let mut dashed = false;
        while i < t.len() && !t.is_word(i) {
            match t.c[i] {
                '—' | '–' => dashed = true,
                // `Duarte called it "a mess"; Costa said …`: a new clause.
                '.' | '!' | '?' | ';' if !dashed => return None,
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
        let mut words = t.words_after(i, 14);
        // After a quote inside a quote, the words of the outer quote only (`'…' and I
        // had no answer," Rozman said` does not make Rozman the inner speaker).
        if let Some(outer) = self.top_close_around(close).filter(|&c| c > close) {
            words.retain(|w| w.1 <= outer);
        }
        let first = *words.first()?;
        if dashed {
            let run = self.names.run_at(first.0).filter(|r| r.start == first.0)?;
            return Some(Attribution {
                speakers: vec![self.names.fullest(&run.text)],
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
        let passive = |k: usize| k > 0 && PASSIVE.contains(&self.word(words[k - 1]).as_str());
        let verb = (0..words.len()).find(|&k| is_verb(&self.word(words[k])) && !passive(k))?;
        // A quote in parentheses (a headline cited as a source) is not attributed by
        // the words after the parenthesis.
        let between = &t.c[close..words[verb].0];
        let count = |c: char| between.iter().filter(|&&b| b == c).count();
        if count(')') > count('(') {
            return None;
        }
        let explicit = ("quotation marks + attribution", 0.9);
        if verb == 0 {
            // `said Lavrov`, `said economist Jonas Weber`, `warned A, B, and C`.
            for w in words.iter().skip(1).take(4) {
                let text = self.word(*w);
                if PRONOUNS.contains(&text.as_str()) && !matches!(text.as_str(), "it" | "you") {
                    return self.resolve(Subject::Pronoun(text, w.0), explicit);
                }
                if let Some(run) = self.names.run_at(w.0).filter(|r| r.start == w.0) {
                    let names = self.list_at(run.start);
                    return self.resolve(Subject::Names(names, run.start), explicit);
                }
                if ROLES.contains(&text.as_str()) && self.word(words[1]) == "the" {
                    return self.resolve(Subject::Description(text, w.0), explicit);
                }
                // `says the 81-year-old`, `said the retired teacher`: whom the
                // discourse pass took it for.
                if self.word(words[1]) == "the"
                    && let Some(m) = self.discourse.meant(w.0)
                {
                    return Some(Attribution {
                        speakers: m.speakers.clone(),
                        rule: m.rule,
                        confidence: m.confidence,
                    });
                }
            }
            return None;
        }
        // `"…", Anja Smit, a spokeswoman, said`: commas mark an apposition.
        // (Words in brackets, `Cllr Morgan (Plaid) said`, are an aside.)
        let mut toks = Vec::new();
        let mut depth = 0i32;
        for (k, w) in words[..verb].iter().enumerate() {
            let gap = &t.c[if k > 0 { words[k - 1].1 } else { close + 1 }..w.0];
            depth += gap.iter().filter(|&&c| c == '(').count() as i32;
            depth -= gap.iter().filter(|&&c| c == ')').count() as i32;
            if k > 0 && (gap.contains(&',') || gap.contains(&'(') || gap.contains(&')')) {
                toks.push(Tok::Break);
            }
            if depth <= 0 {
                toks.push(Tok::Word(w.0, w.1));
            }
        }
        if verb > 0 && t.c[words[verb - 1].1..words[verb].0].contains(&',') {
            toks.push(Tok::Break);
        }
        let subject = self.subject(&toks, true)?;
        self.resolve(subject, explicit)
    }

    /// The subject of the reporting verb before the opening mark at `open`, in the
    /// same sentence. The nearest verb decides, except a passive one (`before the
    /// decision was announced`) and, for a quote in a second `that`-clause (`X
    /// stressed that …, and that "…"`), a verb inside the first clause.
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
        if let Some(a) = self.in_words_of(&toks) {
            return Some(a);
        }
        let words: Vec<(usize, usize)> = words_of(&toks);
        let second_that = words.len() >= 2
            && self.word(words[words.len() - 2]) == "and"
            && self.word(words[words.len() - 1]) == "that";
        let word_at = |k: usize| match toks[k] {
            Tok::Word(s, e) => Some(self.word((s, e))),
            Tok::Break => None,
        };
        let passive = |k: usize| {
            (0..k)
                .rev()
                .find_map(word_at)
                .is_some_and(|w| PASSIVE.contains(&w.as_str()))
        };
        // A verb whose `that`-clause follows within three words (`stressed on
        // Thursday that`).
        let takes_that = |k: usize| {
            (k + 1..toks.len())
                .filter_map(word_at)
                .take(3)
                .any(|w| w == "that")
        };
        let explicit = ("subject of a reporting verb before the quote", 0.9);
        for verb in (0..toks.len()).rev() {
            if !word_at(verb).is_some_and(|w| is_verb(&w)) || passive(verb) {
                continue;
            }
            // `right to call the collapse avoidable`: an infinitive reports nothing;
            // `in the notes to its tables`: a noun after a determiner is no verb.
            // `used to say`, `likes to say` report a saying.
            let habit = verb > 1
                && word_at(verb - 2).is_some_and(|w| {
                    matches!(w.as_str(), "used" | "likes" | "liked" | "loves" | "loved")
                });
            if verb > 0
                && !habit
                && word_at(verb - 1).is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "to" | "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "my"
                    )
                })
            {
                continue;
            }
            if second_that && !takes_that(verb) {
                continue;
            }
            if let Some(subject) = self.subject(&toks[..verb], true) {
                return self.resolve(subject, explicit);
            }
            // `X said …, but warned that "…"`: the verb shares the subject of one
            // before it.
            let shared = (0..verb)
                .rev()
                .filter_map(word_at)
                .find(|w| !skippable(w))
                .is_some_and(|w| matches!(w.as_str(), "and" | "but"));
            if !second_that && !shared {
                return None;
            }
        }
        None
    }

    /// A quote introduced by a colon (`Her message was blunt: "…"`, `My colleague
    /// Georg Adler has a sign on his door: '…'`), the colon in the same paragraph or
    /// ending the one before: the subject of the clause before it.
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
        let explicit = ("colon after a named speaker", 0.85);
        // `The verdict came from Judge Paolo Conti:`.
        let words: Vec<(usize, usize)> = words_of(&toks);
        if let Some(noun) = words
            .iter()
            .take(4)
            .position(|w| SPEECH.contains(&self.t.lower(w.0, w.1).as_ref()))
            && let Some(names) = self.named_by(&words[noun + 1..], 4)
        {
            return self.resolve(Subject::Names(names, words[noun].0), explicit);
        }
        let chunks: Vec<Vec<(usize, usize)>> = chunks_of(&toks)
            .into_iter()
            .filter(|c: &Vec<(usize, usize)>| !c.is_empty())
            .collect();
        // `The directorate's order to the company was brief:`.
        if let Some(chunk) = chunks.first()
            && let [det, owner, ..] = chunk[..]
            && self.word(det).eq_ignore_ascii_case("the")
            && let Some(org) = self
                .word(owner)
                .strip_suffix("'s")
                .or(self.word(owner).strip_suffix("’s"))
                .map(str::to_owned)
            && ORGS.contains(&org.as_str())
        {
            return self.resolve(Subject::Description(org, owner.0), explicit);
        }
        // `From Sunniva in the Haldor district:` (a reader's message in a live blog),
        // `Dvořáková's last word at the briefing:` (a person named before).
        if let Some(chunk) = chunks.first() {
            let from = match chunk[..] {
                [from, name, ..] if self.word(from) == "From" => self
                    .names
                    .run_at(name.0)
                    .filter(|r| r.start == name.0 && !r.is_org() && !r.not_person)
                    .map(|r| self.names.fullest(&r.text)),
                _ => None,
            };
            let owner = self.word(chunk[0]);
            let owner = owner
                .strip_suffix("'s")
                .or_else(|| owner.strip_suffix("’s"))
                .filter(|o| self.names.is_known_person(o))
                .map(|o| self.names.fullest(o));
            if let Some(name) = from.or(owner) {
                return self.resolve(Subject::Names(vec![name], chunk[0].0), (explicit.0, 0.75));
            }
        }
        // `Ozola: My grandmother used to say:` — the label of an interview answer is
        // who answers, not who said the quote.
        let label = self.answerer(colon).and(chunks.first().map(|c| c[0].0));
        for (n, chunk) in chunks.iter().enumerate() {
            let first = chunk[0];
            if Some(first.0) == label && chunks.len() > 1 {
                continue;
            }
            let w = self.word(first).to_lowercase();
            if matches!(w.as_str(), "her" | "his" | "he" | "she") {
                // `Her colleague, Tom Reed, was less patient:` is Tom Reed.
                if let Some((at, names)) = chunks.get(n + 1).and_then(|c| self.all_names(c)) {
                    return self.resolve(Subject::Names(names, at), explicit);
                }
                let p = if matches!(w.as_str(), "his" | "he") {
                    "he"
                } else {
                    "she"
                };
                return self.resolve(Subject::Pronoun(p.into(), first.0), explicit);
            }
            // A person named in the first words, after at most a possessive and a
            // role (`My colleague Georg Adler`, `Union leader Marek Sobczak`).
            for (k, w) in chunk.iter().take(4).enumerate() {
                if is_verb(&self.word(*w)) {
                    break;
                }
                let Some(run) = self.names.run_at(w.0).filter(|r| r.start == w.0) else {
                    continue;
                };
                // `The mine's operator, Ravnik Coal, has posted:`: an organisation the
                // article names without an organisation word.
                if self.names.is_organisation(run) && !run.is_org() {
                    let org = vec![self.names.fullest_org(&run.text)];
                    return self.resolve(Subject::Names(org, run.start), explicit);
                }
                if !self.names.is_person(run) {
                    // `Health minister Jana Novak:`: a portfolio before a role.
                    let portfolio = chunk
                        .get(k + 1)
                        .is_some_and(|n| ROLES.contains(&self.word(*n).as_str()));
                    if portfolio {
                        continue;
                    }
                    break;
                }
                let names = self.list_at(run.start);
                let confidence = if k == 0 { explicit.1 } else { 0.75 };
                return self.resolve(Subject::Names(names, run.start), (explicit.0, confidence));
            }
        }
        match self.apposition(&toks)? {
            Subject::Names(n, at) => self.resolve(Subject::Names(n, at), explicit),
            _ => None,
        }
    }
}
