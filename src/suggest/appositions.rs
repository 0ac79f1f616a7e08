//! Subjects set apart from their verb: a name (or an organisation's name) in
//! apposition before a description (`X, chief executive of Y, warned`, `The Coastal
//! Health Alliance, a regional body, said`), the subject a relative clause or an
//! aside interrupts, and what `which` or `who` opening the clause stands for.

use super::attribution::{Context, Subject, Tok, chunks_of};
use super::names::is_title;

impl Context<'_> {
    /// What `which` or `who` at `relative` stands for: the name right before its comma
    /// (`the bulletin from the Meteorological Service, which said`), an organisation
    /// for `which`, a person for `who`.
    pub(super) fn antecedent(&self, relative: (usize, usize), toks: &[Tok]) -> Option<Subject> {
        let which = match self.word(relative).as_str() {
            "which" => true,
            "who" => false,
            _ => return None,
        };
        let Some(Tok::Word(s, e)) = toks.last() else {
            return None;
        };
        let run = self.names.run_at(*s).filter(|r| r.end == *e && !r.quoted)?;
        if which != run.is_org() || (!which && !self.names.is_person(run)) {
            return None;
        }
        let name = if which {
            self.names.fullest_org(&run.text)
        } else {
            self.names.fullest(&run.text)
        };
        Some(Subject::Names(vec![name], run.start))
    }

    /// The nearest chunk before the clause that is all names (titles allowed), with
    /// the adjacent chunks of names: the subject the apposition describes. A chunk
    /// followed by a relative clause (`The Greens, who won nine seats, called`,
    /// `Port authority director Ingrid Holt, who left by a side door, told`) gives the
    /// subject it ends in, organisations and descriptions included.
    pub(super) fn apposition(&self, toks: &[Tok]) -> Option<Subject> {
        let chunks = chunks_of(toks);
        let mut found: Vec<(usize, Vec<String>)> = Vec::new();
        // Where the earliest chunk of names is (its index in `chunks`).
        let mut first_found = chunks.len();
        let mut relative = false;
        // The list goes on before the names found (`and Cosmin Lazăr, an economist at
        // …,` or `and the secretary, Xabier Lete,`): one chunk of description may stand
        // before the next names.
        let mut open_list = false;
        // The subject a relative clause or an aside follows: used when no chunk is all
        // names (`X, chief executive of Nordvolt, which operates …, warned` is X).
        let mut antecedent = None;
        for (n, chunk) in chunks.iter().enumerate().rev() {
            let and = chunk
                .first()
                .is_some_and(|w| self.word(*w) == "and" && chunk.len() > 1);
            let names = self
                .all_names(chunk)
                .or_else(|| and.then(|| self.all_names(&chunk[1..])).flatten());
            match names {
                Some(list) => {
                    found.push(list);
                    first_found = n;
                    open_list = and;
                }
                // `The Coastal Health Alliance, a regional body, said`.
                None if found.is_empty() && !relative => {
                    if let Some(org) = self.org_chunk(chunk) {
                        found.push(org);
                        first_found = n;
                        break;
                    }
                }
                // `A, a professor at X, and B, an economist at Y, wrote`, `Our
                // president, A, and the secretary, B, wrote`.
                None if !found.is_empty() && (and || open_list) => open_list = and,
                None if !found.is_empty() => break,
                None if relative && antecedent.is_none() => {
                    antecedent = self.trailing_subject(chunk);
                }
                None => {}
            }
            relative = self.interposed(chunk);
        }
        if found.is_empty() {
            return antecedent;
        }
        // `Its petition, addressed to the chief executive, Fiona Welland, states`: the
        // names belong to an object in the chunk before them, not to the subject.
        let before = chunks[..first_found].iter().rev().find(|c| !c.is_empty());
        if before.is_some_and(|c| self.object_before_names(c)) {
            return None;
        }
        let start = found.last()?.0;
        let mut names: Vec<String> = found.into_iter().rev().flat_map(|(_, n)| n).collect();
        // `He and two colleagues, A and B, wrote`: the subject and the people named.
        if let Some(lead) = before.and_then(|c| self.lead_of_colleagues(c)) {
            names.insert(0, lead);
        }
        Some(Subject::Names(names, start))
    }

    /// A chunk set between a subject and its verb: a relative clause (`who won nine
    /// seats`) or a short aside opened by a preposition (`in a statement`, `for its
    /// part`).
    fn interposed(&self, chunk: &[(usize, usize)]) -> bool {
        let Some(first) = chunk.first() else {
            return false;
        };
        let first = self.word(*first).to_lowercase();
        // `The 54-year-old, a former driver who has led the union since 2017, said`.
        matches!(first.as_str(), "who" | "which" | "whose" | "a" | "an")
            || (chunk.len() <= 4
                && matches!(
                    first.as_str(),
                    "in" | "on"
                        | "for"
                        | "by"
                        | "at"
                        | "after"
                        | "before"
                        | "meanwhile"
                        | "however"
                ))
    }

    /// A chunk that is an organisation's name and nothing else (`the Coastal Health
    /// Alliance`), in its fullest form.
    fn org_chunk(&self, chunk: &[(usize, usize)]) -> Option<(usize, Vec<String>)> {
        let words = match chunk {
            [the, rest @ ..] if self.word(*the).eq_ignore_ascii_case("the") => rest,
            _ => chunk,
        };
        let first = words.first()?;
        let run = self.names.run_at(first.0).filter(|r| r.start == first.0)?;
        let last = words.last()?;
        (run.end == last.1 && self.names.is_organisation(run) && !run.quoted)
            .then(|| (run.start, vec![self.names.fullest_org(&run.text)]))
    }

    /// The people of a chunk made only of names, titles and `and` (and where each
    /// works or lives: `A of the University of Turku`).
    pub(super) fn all_names(&self, chunk: &[(usize, usize)]) -> Option<(usize, Vec<String>)> {
        let mut names = Vec::new();
        let mut at = None;
        let mut i = 0;
        while i < chunk.len() {
            let w = self.word(chunk[i]);
            if is_title(&w) || (w == "and" && !names.is_empty()) {
                i += 1;
                continue;
            }
            // `Dr Hanna Virtanen of the University of Turku`: the place or employer
            // after a person's name.
            if matches!(w.as_str(), "of" | "at" | "from") && !names.is_empty() {
                break;
            }
            let run = self
                .names
                .run_at(chunk[i].0)
                .filter(|r| r.start == chunk[i].0)?;
            if !self.names.is_person(run) {
                return None;
            }
            at.get_or_insert(run.start);
            names.push(self.names.fullest(&run.text));
            while i < chunk.len() && chunk[i].0 < run.end {
                i += 1;
            }
        }
        Some((at?, names))
    }
}
