//! The attribution rules that read a frame around a quote rather than a clause: a
//! headline or an entry heading naming the speaker or their role (`15:45 – Prime
//! minister: “…”`), the sentence after the quote naming whose words they were (`That
//! was the warning from Ilse Kramer`), and a clause opening `In the words of X` or `In
//! X's view`.

use super::attribution::{Attribution, Context, Tok, words_of};
use super::lexicon::ROLES;

/// Nouns for what someone said (`That was the warning from X`).
pub(super) const SPEECH: &[&str] = &[
    "verdict",
    "warning",
    "message",
    "answer",
    "reply",
    "response",
    "words",
    "advice",
    "reaction",
    "assessment",
    "explanation",
    "promise",
    "plea",
    "appeal",
    "conclusion",
    "judgement",
    "judgment",
];

impl Context<'_> {
    /// `In the words of one farmer, Pau Vidal, …`, `In Joan Serra's view, …`: the
    /// person whose words or view the clause opens with.
    pub(super) fn in_words_of(&self, toks: &[Tok]) -> Option<Attribution> {
        let words = words_of(&toks[..toks.len().min(8)]);
        let lower: Vec<String> = words.iter().map(|w| self.word(*w).to_lowercase()).collect();
        let view = |w: &str| matches!(w, "words" | "view" | "opinion" | "eyes");
        let person = if lower.len() > 4
            && lower[0] == "in"
            && lower[1] == "the"
            && view(&lower[2])
            && lower[3] == "of"
        {
            // `In the words of one farmer, Pau Vidal,`.
            let run = words[4..]
                .iter()
                .find_map(|w| self.names.run_at(w.0).filter(|r| r.start == w.0))?;
            (self.names.is_person(run) || run.is_org()).then(|| self.names.fullest(&run.text))?
        } else {
            // `In Joan Serra's view,`.
            let v = lower.iter().take(5).position(|w| view(w))?;
            if lower[0] != "in" || v < 2 {
                return None;
            }
            let owner: Vec<String> = words[1..v].iter().map(|w| self.word(*w)).collect();
            let last = owner.last()?;
            let stripped = last
                .strip_suffix("'s")
                .or_else(|| last.strip_suffix("’s"))?;
            if !owner.iter().all(|w| w.starts_with(char::is_uppercase))
                || !self.names.is_known_person(stripped)
            {
                return None;
            }
            let mut name = owner[..owner.len() - 1].join(" ");
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(stripped);
            self.names.fullest(&name)
        };
        Some(Attribution {
            speakers: vec![person],
            rule: "in the words or view of a person named",
            // Not seen in the development material: below "Accept all".
            confidence: 0.75,
        })
    }

    /// `"…" That was the warning from Ilse Kramer, …`: the next sentence gives the
    /// words a speech noun and names whose they are.
    pub(super) fn verdict_after(&self, close: usize) -> Option<Attribution> {
        let t = self.t;
        let start = (close + 1..t.len()).find(|&i| !t.c[i].is_whitespace() || t.c[i] == '\n')?;
        if t.c[start] == '\n' {
            return None;
        }
        let words: Vec<(usize, usize)> = t.words(start).take(12).collect();
        let first = words.first()?;
        if !matches!(t.str(first.0, first.1), "That" | "This" | "Such" | "Those") {
            return None;
        }
        let noun = words
            .iter()
            .take(5)
            .position(|w| SPEECH.contains(&t.lower(w.0, w.1).as_ref()))?;
        self.named_by(&words[noun + 1..], 3)
            .map(|names| Attribution {
                speakers: names,
                rule: "the next sentence names whose words they are",
                // Not seen in the development material: below "Accept all".
                confidence: 0.75,
            })
    }

    /// The name after `from`, `of` or `by` among the first `reach` of `words`.
    pub(super) fn named_by(&self, words: &[(usize, usize)], reach: usize) -> Option<Vec<String>> {
        let t = self.t;
        let by = words
            .iter()
            .take(reach)
            .position(|w| matches!(t.str(w.0, w.1), "from" | "of" | "by"))?;
        let name = words[by + 1..]
            .iter()
            .take(3)
            .find_map(|w| self.names.run_at(w.0).filter(|r| r.start == w.0))?;
        // (After `from`, a name of two words is a person's: `the warning from Ilse
        // Kramer` is no place.)
        if name.quoted || (!self.names.is_person(name) && !name.is_org() && name.words < 2) {
            return None;
        }
        Some(vec![if name.is_org() {
            self.names.fullest_org(&name.text)
        } else {
            self.names.fullest(&name.text)
        }])
    }

    /// An entry heading naming a role (`15:45 – Prime minister: “…”`): the person the
    /// text names with that role, next after the heading or else before it.
    fn role_heading(&self, start: usize, open: usize) -> Option<Attribution> {
        let t = self.t;
        let colon = (start..open).rev().find(|&i| !t.c[i].is_whitespace())?;
        if t.c[colon] != ':' {
            return None;
        }
        let words: Vec<String> = t
            .words(start)
            .take_while(|w| w.1 <= colon)
            .map(|w| t.lower(w.0, w.1).into_owned())
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        let head = words.last()?;
        if words.len() > 3 || !ROLES.contains(&head.as_str()) {
            return None;
        }
        let holds = |r: &&super::names::Run| {
            let before: Vec<String> = t
                .words_before(r.start, words.len())
                .iter()
                .rev()
                .map(|w| t.lower(w.0, w.1).into_owned())
                .collect();
            self.names.is_person(r) && before == words
        };
        let run = self
            .names
            .after(open, 1_500)
            .find(holds)
            .or_else(|| self.names.before(start, 4_000).find(holds))?;
        Some(Attribution {
            speakers: vec![self.names.fullest(&run.text)],
            rule: "heading naming the speaker's role",
            confidence: 0.7,
        })
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
        let line = line.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'' | '»' | ')')
        });
        if end - start > 200 || line.ends_with(['.', '!', '?']) {
            return None;
        }
        if let Some(run) = self
            .names
            .after(start, end - start)
            .filter(|r| r.end <= end)
            .find(|r| self.names.is_person(r))
        {
            return Some(Attribution {
                speakers: vec![self.names.fullest(&run.text)],
                rule: "headline naming the speaker",
                confidence: 0.7,
            });
        }
        if let Some(a) = self.role_heading(start, open) {
            return Some(a);
        }
        // The article's title quoting someone it names only in the opening lines.
        if start > 0 {
            return None;
        }
        let run = self
            .names
            .after(end, 300)
            .find(|r| self.names.is_person(r) && r.words >= 2)?;
        Some(Attribution {
            speakers: vec![run.text.clone()],
            rule: "title quote, speaker named in the opening lines",
            confidence: 0.6,
        })
    }
}
