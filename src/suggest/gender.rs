//! The gender of the people an article names, so that `he` and `she` resolve only to a
//! person they can mean. The article's own evidence comes first: a title before the
//! name (`Mr`, `Mrs`, `Ms`, `Sir`, `Madame`, `Herr`, `Frau`, ...), a gendered noun in
//! apposition (`Her husband, Ante Kos`, `Nina Oster, a spokeswoman`), and pronouns
//! (`he`, `his`, `she`, `her`) that follow a name with no other person named in
//! between. Only when the article says nothing does a small table of very common given
//! names decide, and the resolution knows the difference (a table guess is never
//! enough for "Accept all" on its own).

pub(super) use super::gender_words::{Gender, noun_gender, pronoun_gender, title_gender};
use super::given_names::table;
use super::names::{Names, Run, is_title};
use super::text::{Chars, WordBuild};
use std::collections::{HashMap, HashSet};

/// Where a gender comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Source {
    /// A title, a gendered noun or pronouns in the article.
    Article,
    /// The table of common given names.
    Table,
}

/// The person a sentence (its words outside quotes) opens with, when it names no
/// other and has no pronoun before the name.
fn sole_subject(t: &Chars, names: &Names, words: &[(usize, usize)]) -> Option<String> {
    let first = words.iter().position(|w| !t.c[w.0].is_ascii_digit())?;
    let run = names
        .run_at(words[first].0)
        .filter(|r| r.start == words[first].0)?;
    if !names.is_person(run) {
        return None;
    }
    let name = names.fullest(&run.text);
    let others = words.iter().any(|w| {
        names
            .run_at(w.0)
            .is_some_and(|r| r.start == w.0 && names.is_person(r) && names.fullest(&r.text) != name)
    });
    (!others).then_some(name)
}

/// The gender of every person the article names, by the fullest form of the name.
#[derive(Default)]
pub(super) struct Genders {
    votes: HashMap<String, (u32, u32), WordBuild>,
    /// People named with a title or an age (persons even when no gender is known).
    titled: HashSet<String, WordBuild>,
}

impl Genders {
    /// `sentence_start(i)` gives the start of the sentence holding `i`, `quoted(i)`
    /// whether `i` is inside quotation marks.
    pub(super) fn new(
        t: &Chars,
        names: &Names,
        sentences: &[(usize, usize)],
        quoted: impl Fn(usize) -> bool,
    ) -> Self {
        let mut votes: HashMap<String, (u32, u32), WordBuild> = HashMap::default();
        let mut vote = |name: String, g: Gender, weight: u32| {
            let v = votes.entry(name).or_default();
            match g {
                Gender::Male => v.0 += weight,
                Gender::Female => v.1 += weight,
            }
        };
        let person = |r: &Run| !r.is_org() && !r.not_person;
        let mut titled = HashSet::default();
        for r in names.runs.iter().filter(|r| person(r)) {
            let name = names.fullest(&r.text);
            let before = t.words_before(r.start, 3);
            // `Transport Minister Dalia Renko`, `Tomasz Weil, 38,`: surely a person.
            let aged = t.str(r.end, (r.end + 3).min(t.len())).starts_with(", ")
                && t.get(r.end + 2).is_some_and(|c| c.is_ascii_digit());
            if aged || before.first().is_some_and(|w| is_title(t.str(w.0, w.1))) {
                titled.insert(name.clone());
            }
            if let Some(g) = before.first().and_then(|w| title_gender(t.str(w.0, w.1))) {
                vote(name.clone(), g, 3);
            }
            // `Her husband, Ante Kos`, `the spokeswoman Nina Oster`.
            // (Capitalised titles may stand between: `His wife, Deputy Mayor X`.)
            // (`Her late husband, the painter Andrés Vidal`: two words may stand between.)
            for (n, w) in before.iter().enumerate() {
                let word = t.lower(w.0, w.1);
                if let Some(g) = noun_gender(&word) {
                    vote(name.clone(), g, 3);
                    break;
                }
                let preposition =
                    matches!(word.as_ref(), "of" | "for" | "with" | "to" | "by" | "from");
                if preposition || (n >= 2 && !t.is_capitalized(*w)) {
                    break;
                }
            }
            // `Kemal Aydın, 47, and his neighbour`: the possessive is the person's.
            let mut end = r.end;
            if aged {
                end = (end + 2..t.len()).find(|&i| t.c[i] == ',').unwrap_or(end);
                end += 1;
            }
            let and = t.str(end, (end + 9).min(t.len()));
            if let Some(rest) = and.strip_prefix(" and ")
                && let Some(g) = rest.split(' ').next().and_then(pronoun_gender)
                && rest.contains(' ')
            {
                vote(name.clone(), g, 2);
            }
            // `Nina Oster, a spokeswoman`, `Ante Kos, her husband`.
            if t.get(r.end) == Some(',') {
                let after = t.words_after(r.end + 1, 2);
                let noun = after
                    .iter()
                    .map(|w| t.lower(w.0, w.1))
                    .enumerate()
                    .find_map(|(k, w)| noun_gender(&w).filter(|_| k <= 1));
                let article = after.first().map(|w| t.lower(w.0, w.1));
                if let Some(g) = noun.filter(|_| {
                    after.len() < 2
                        || matches!(
                            article.as_deref(),
                            Some("a" | "an" | "the" | "his" | "her" | "their")
                        )
                }) {
                    vote(name, g, 3);
                }
            }
        }
        // A sentence whose subject is a pronoun (`He thanked …`, `"…," she said`)
        // right after a sentence whose subject is the only person it names, no pronoun
        // before that name: `Kessler dismissed the idea. "Let them try," she said.`
        let quoted = &quoted;
        let outside =
            |(s, e): (usize, usize)| t.words(s).take(80).filter(move |w| w.0 < e && !quoted(w.0));
        let mut previous = None;
        for &(s, e) in sentences {
            // The first word, not a number, opening the sentence: `he` or `she`?
            // (Not `"…," she said`: a quote is where the speaker changes.)
            let pronoun = outside((s, e))
                .find(|w| !t.c[w.0].is_ascii_digit())
                .filter(|w| (s..w.0).all(|i| !t.is_word(i)))
                .and_then(|w| {
                    let word = t.lower(w.0, w.1);
                    matches!(word.as_ref(), "he" | "she")
                        .then(|| pronoun_gender(&word))
                        .flatten()
                });
            if let (Some(g), Some(prev)) = (pronoun, previous) {
                let words: Vec<_> = outside(prev).collect();
                if let Some(name) = sole_subject(t, names, &words) {
                    vote(name, g, 2);
                }
            }
            previous = Some((s, e));
        }
        Self { votes, titled }
    }

    /// Is `name` surely a person: a gender known, or named with a title or an age?
    pub(super) fn surely_person(&self, name: &str) -> bool {
        self.titled.contains(name) || self.of(name).is_some()
    }

    /// The gender of `name` (its fullest form) and where it comes from.
    pub(super) fn of(&self, name: &str) -> Option<(Gender, Source)> {
        let (m, f) = self.votes.get(name).copied().unwrap_or_default();
        let given = name.split(' ').next().and_then(table);
        // The table counts as one vote: the article outweighs it.
        let (tm, tf) = match given {
            Some(Gender::Male) => (m + 1, f),
            Some(Gender::Female) => (m, f + 1),
            None => (m, f),
        };
        let g = match tm.cmp(&tf) {
            std::cmp::Ordering::Greater => Gender::Male,
            std::cmp::Ordering::Less => Gender::Female,
            std::cmp::Ordering::Equal => return None,
        };
        let article = match g {
            Gender::Male => m > f,
            Gender::Female => f > m,
        };
        Some((
            g,
            if article {
                Source::Article
            } else {
                Source::Table
            },
        ))
    }
}
