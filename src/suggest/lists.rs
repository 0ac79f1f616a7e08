//! Speaker lists: `A and B`, `A, B, and C`, `Holt and her neighbour Karl Svendsen`,
//! `He and two colleagues, A and B`, and the noun phrase a list of names stands in
//! apposition to (`three doctors from the hospital, A, B and C, said`), which is the
//! subject, unlike the object of a preposition the names describe (`addressed to the
//! chief executive, Fiona Welland`); the group a sentence opens with (for `they`), and
//! the name a descriptor stands before (`Ferry operator Fjordlink`).

use super::attribution::Context;
use super::discourse::person_noun;
use super::lexicon::VERBS;
use super::names::Run;
use super::sentences::AUXILIARIES;

impl Context<'_> {
    /// The names of a list starting at `p`: `A`, `A and B`, `A, B, and C`.
    pub(super) fn list_at(&self, p: usize) -> Vec<String> {
        let mut out = Vec::new();
        let mut at = p;
        while let Some(run) = self.names.run_at(at).filter(|r| r.start == at) {
            out.push(self.names.fullest(&run.text));
            // `Giulia Rota of Sorbo, Franco Dal Piaz of Calvi and …`.
            let mut end = run.end;
            if self.t.str(end, end + 4) == " of "
                && let Some(place) = self.names.run_at(end + 4).filter(|r| r.start == end + 4)
            {
                end = place.end;
            }
            // `A, 78, and B`, `A, a professor at X, and B`: an apposition between.
            if let Some(comma) = self.apposition_end(end)
                && self.t.str(comma, comma + 6) == ", and "
            {
                end = comma;
            }
            let rest = self.t.str(end, end + 6);
            let skip = [", and ", " and ", ", "]
                .iter()
                .find(|s| rest.starts_with(*s))
                .map(|s| s.chars().count());
            match skip {
                Some(n) => at = self.after_relation(end + n),
                None => break,
            }
        }
        out
    }

    /// Where an apposition after a name (`, 78`, `, a professor at the University of
    /// X`) ends: the comma closing it, within a clause.
    fn apposition_end(&self, end: usize) -> Option<usize> {
        let t = self.t;
        if t.str(end, end + 2) != ", " {
            return None;
        }
        let from = end + 2;
        let first = t.word_at(from).filter(|w| w.0 == from)?;
        let lead = t.str(first.0, first.1);
        let age = lead.chars().all(|c| c.is_ascii_digit());
        if !age && !matches!(lead, "a" | "an" | "the") {
            return None;
        }
        (from..(from + 80).min(t.len()))
            .take_while(|&i| {
                !matches!(t.c[i], '.' | ';' | ':' | '\n') && !super::text::Chars::is_mark(t.c[i])
            })
            .find(|&i| t.c[i] == ',')
    }

    /// Past `her husband `, `his colleague, ` or `her co-author, the statistician `
    /// before the next name of a list: a possessive and at most four lower-case
    /// words, one of them a noun for a person.
    fn after_relation(&self, at: usize) -> usize {
        let t = self.t;
        let words = t.words_after(at, 7);
        let Some(&(a, b)) = words.first() else {
            return at;
        };
        if a != at || !matches!(t.str(a, b), "her" | "his" | "their") {
            return at;
        }
        let mut person = false;
        for &(s, e) in words.iter().skip(1).take(5) {
            if t.is_capitalized((s, e)) {
                let gap = t.str(words[0].1, s);
                let clean = gap
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '-'));
                return if person && clean { s } else { at };
            }
            let word = t.lower(s, e);
            person |= person_noun(&word) || word.ends_with("author");
        }
        at
    }

    /// Where a list whose last two names start at `at` begins: earlier people named
    /// before it and separated by commas (`A, B and C`), when the list opens the
    /// sentence (so that an introductory phrase, `On Monday, B and C`, or a name in
    /// apposition, `the mayor, B and C`, is no part of it).
    fn list_opening(&self, at: usize) -> usize {
        let mut start = at;
        while start >= 3 && self.t.c[start - 2..start] == [',', ' '] {
            match self.names.run_at(start - 3) {
                Some(r) if r.end == start - 2 && self.names.is_person(r) => start = r.start,
                _ => break,
            }
        }
        let from = self.sentence_start(start);
        if start < at && self.t.c[from..start].iter().all(|c| !c.is_alphanumeric()) {
            start
        } else {
            at
        }
    }

    /// The list a run ends (`Reinholt and Haddad said` gives both).
    pub(super) fn list_ending(&self, run: &Run, chunk: &[(usize, usize)]) -> Vec<String> {
        let first = chunk.iter().position(|w| w.0 == run.start).unwrap_or(0);
        if first >= 2
            && self.word(chunk[first - 1]) == "and"
            && let Some(prev) = self.names.run_at(chunk[first - 2].0)
            && self.names.is_person(prev)
            && self.names.is_person(run)
        {
            return self.list_at(self.list_opening(prev.start));
        }
        // `Holt and her neighbour Karl Svendsen`.
        let and = (first.saturating_sub(4)..first)
            .rev()
            .find(|&j| self.word(chunk[j]) == "and");
        if let Some(j) = and.filter(|&j| j >= 1 && j + 2 < first)
            && matches!(self.word(chunk[j + 1]).as_str(), "his" | "her" | "their")
            && chunk[j + 2..first]
                .iter()
                .all(|w| !self.t.is_capitalized(*w))
            && let Some(prev) = self.names.run_at(chunk[j - 1].0)
            && self.names.is_person(prev)
            && self.names.is_person(run)
        {
            let prev = self.names.fullest(&prev.text);
            return vec![prev, self.names.fullest(&run.text)];
        }
        vec![self.names.fullest(&run.text)]
    }

    /// Is the chunk before a list of names a preposition's object the names describe
    /// (`addressed to the chief executive, Fiona Welland`), not a subject (`three
    /// doctors from the hospital, A, B and C`: a noun for people before the
    /// preposition)?
    pub(super) fn object_before_names(&self, chunk: &[(usize, usize)]) -> bool {
        let preposition = chunk.iter().position(|w| {
            matches!(
                self.word(*w).as_str(),
                "to" | "by" | "with" | "from" | "against"
            )
        });
        preposition.is_some_and(|p| {
            !chunk[..p]
                .iter()
                .any(|w| person_noun(&self.word(*w).to_lowercase()))
        })
    }

    /// `He and two colleagues`, `Pryce and his colleagues` before a list of names:
    /// the person (a name, or `he`/`she` resolved) who heads the group.
    pub(super) fn lead_of_colleagues(&self, chunk: &[(usize, usize)]) -> Option<String> {
        let &first = chunk.first()?;
        let w = self.word(first).to_lowercase();
        let (lead, end) = if matches!(w.as_str(), "he" | "she") {
            let m = self.discourse.meant(first.0)?;
            (
                m.speakers
                    .first()
                    .filter(|_| m.speakers.len() == 1)?
                    .clone(),
                first.1,
            )
        } else {
            let run = self.names.run_at(first.0).filter(|r| r.start == first.0)?;
            if !self.names.is_person(run) {
                return None;
            }
            (self.names.fullest(&run.text), run.end)
        };
        let rest: Vec<String> = chunk
            .iter()
            .filter(|w| w.0 >= end)
            .map(|w| self.word(*w).to_lowercase())
            .collect();
        let noun = rest.last()?;
        let group = rest.first().is_some_and(|w| w == "and")
            && rest.len() <= 4
            && noun.ends_with('s')
            && person_noun(noun);
        group.then_some(lead)
    }

    /// The group opening a sentence whose first mention is `a` at `at` (`words` from
    /// there): `A, B and C`, `A and B`, `He and two colleagues, B and C`.
    pub(super) fn group_at(
        &self,
        at: usize,
        a: String,
        words: &[(usize, usize)],
    ) -> Option<Vec<String>> {
        let t = self.t;
        let run = self.names.run_at(at);
        if run.is_some_and(|r| r.start == at) {
            let list = self.list_at(at);
            if list.len() >= 2 {
                return Some(list);
            }
        }
        let first_end = run.map_or(words.first().map_or(at, |w| w.1), |r| r.end);
        let rest: Vec<_> = words.iter().filter(|w| w.0 >= first_end).take(4).collect();
        if rest.first().is_none_or(|w| t.str(w.0, w.1) != "and") {
            return None;
        }
        for w in rest.iter().skip(1) {
            if let Some(run) = self.names.run_at(w.0).filter(|r| r.start == w.0) {
                if !self.names.is_person(run) {
                    return None;
                }
                let mut group = vec![a];
                group.extend(self.list_at(run.start));
                return Some(group);
            }
            if t.is_capitalized(**w) {
                return None;
            }
        }
        None
    }

    /// Where a sentence's subject name stands after a one-word descriptor and up to
    /// two common nouns (`Ferry operator Fjordlink`, `Energy group Voltara`): the
    /// index in `words` of the name, else `lead`.
    pub(super) fn after_descriptor(&self, words: &[(usize, usize)], lead: usize) -> usize {
        let t = self.t;
        let named = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| self.names.run_at(w.0).is_some_and(|r| r.start == w.0))
        };
        let common = |j: usize| {
            words.get(j).is_some_and(|w| {
                let lw = t.lower(w.0, w.1);
                t.is_lower(w.0)
                    && !VERBS.contains(&lw.as_ref())
                    && !AUXILIARIES.contains(&lw.as_ref())
            })
        };
        let one_word = named(lead)
            && self
                .names
                .run_at(words[lead].0)
                .is_some_and(|r| r.words == 1);
        if !one_word || !common(lead + 1) {
            return lead;
        }
        if named(lead + 2) {
            lead + 2
        } else if common(lead + 2) && named(lead + 3) {
            lead + 3
        } else {
            lead
        }
    }
}
