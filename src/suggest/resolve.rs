//! Resolving a pronoun or a description to the person (or organisation) it means.

use super::attribution::Context;
use super::lexicon::ORGS;
use super::names::Run;

impl Context<'_> {
    /// Who a pronoun at `at` means, with the confidence of the guess.
    pub(super) fn pronoun(&self, p: &str, at: usize) -> Option<(String, f32)> {
        if p == "i" {
            // An interview answer: `Claire Morel: … I told her "…"`.
            let line = (0..at)
                .rev()
                .find(|&i| self.t.c[i] == '\n')
                .map_or(0, |i| i + 1);
            let run = self.names.run_at(line).filter(|r| r.start == line)?;
            return (self.t.get(run.end) == Some(':') && run.words >= 2)
                .then(|| (run.text.clone(), 0.85));
        }
        if p == "they" {
            return None;
        }
        // A full name (or a name known from one) within a few sentences; a single
        // name only close by, and less surely.
        let single =
            |r: &Run| r.words == 1 && !r.quoted && !r.place && !r.is_org() && at - r.end < 200;
        let run = self
            .names
            .before(at, 800)
            .find(|r| self.names.is_person(r))
            .or_else(|| self.names.before(at, 200).find(|r| single(r)))?;
        let c = if !self.names.is_person(run) {
            // A lone name: sure only when nothing but quoted text lies between.
            if self.same_sentence(run.end, at) {
                0.85
            } else {
                0.7
            }
        } else if at - run.end < 400 {
            0.85
        } else {
            0.7
        };
        Some((self.names.fullest(&run.text, run.start), c))
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
    /// near their name, or the organisation whose name ends in that noun.
    pub(super) fn description(&self, head: &str, at: usize) -> Option<(String, f32)> {
        let t = self.t;
        if ORGS.contains(&head) {
            let fits =
                |r: &&Run| r.words >= 2 && r.text.to_lowercase().ends_with(head) && r.end <= at;
            let run = self.names.before(at, 6_000).find(fits)?;
            return Some((run.text.clone(), 0.8));
        }
        // The role in the same sentence as the name, next to it (`Governor Paul
        // Reinholt`, `The mayor, Bernard Olivier,`, `Saskia Lindqvist, chief executive`).
        let around = |r: &Run| {
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
        };
        let fits = |r: &&Run| self.names.is_person(r) && around(r);
        if let Some(run) = self.names.before(at, 4_000).find(fits) {
            return Some((self.names.fullest(&run.text, run.start), 0.8));
        }
        let run = self.names.after(at, 1_500).find(fits)?;
        Some((self.names.fullest(&run.text, run.start), 0.7))
    }
}
