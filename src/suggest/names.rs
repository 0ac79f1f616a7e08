//! Names in an article: runs of capitalised words (with inner particles such as `van`,
//! `de`) that are not titles, function words or verbs. Built once per text, they let
//! attribution resolve a pronoun or a description ("the minister") to the nearest
//! fitting person, and give a speaker in the fullest form the article uses (a bare
//! surname becomes the full name introduced elsewhere).

use super::gender_words::title_gender;
use super::given_names::is_given_name;
use super::lexicon::{NOT_NAMES, PARTICLES, TITLES};
use super::org_words::{BUSINESS_WORDS, is_org_word};
use super::sentences::seen_in_lower_case;
use super::text::{Chars, WordBuild, lowercase};
use std::collections::HashMap;

mod kinds;
mod one_name;

/// Code points per block of the index of runs.
const BLOCK: usize = 64;

/// A run of name words.
#[derive(Clone, Debug)]
pub(super) struct Run {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) words: usize,
    /// Inside quotation marks (not a mention a pronoun can refer to).
    pub(super) quoted: bool,
    /// Not a person whatever its words: a place (after `in`, `at`, `from`, ...), a
    /// group or thing (after `the`: `the Social Democrats`), or a portfolio (right
    /// before a title: `Health Minister Jonas Feldmann`).
    pub(super) not_person: bool,
}

impl Run {
    fn last_word(&self) -> &str {
        self.text.split(' ').next_back().unwrap_or("")
    }

    pub(super) fn is_org(&self) -> bool {
        self.text.split(' ').any(is_org_word)
    }

    /// Two or more words and no organisation word.
    pub(super) fn is_full_person(&self) -> bool {
        self.words >= 2 && !self.is_org() && !self.quoted && !self.not_person
    }
}

pub(super) struct Names {
    /// In text order, none overlapping.
    pub(super) runs: Vec<Run>,
    /// For each block of [`BLOCK`] code points, the first run ending after its start:
    /// where a search for the run at an offset starts.
    blocks: Vec<u32>,
    /// The words of full person names, each with the runs (indices) whose last word
    /// it is (empty for a first name).
    person_words: HashMap<String, Vec<usize>, WordBuild>,
    /// First words of organisations' names of two words or more, with the run.
    org_words: HashMap<String, usize, WordBuild>,
    /// First words of full person names, with the runs (indices) they open.
    given: HashMap<String, Vec<usize>, WordBuild>,
    /// Organisations named with `of` or `for` (`Electoral Board of Castellmar`) by the
    /// words before it, with the run (`None` when two runs share them).
    org_heads: HashMap<String, Option<usize>, WordBuild>,
    /// Names the article treats as a thing, not a person (`X, for its part`, `The
    /// operator, X,`): organisations without an organisation word.
    things: Vec<String>,
}

/// A capitalised word with a possessive `'s` (`Council's`).
fn org_possessive(t: &Chars, w: (usize, usize), verb: impl Fn(&str) -> bool) -> bool {
    let text = t.str(w.0, w.1);
    (text.ends_with("'s") || text.ends_with("’s"))
        && w.1 - w.0 > 3
        && is_name_word(t, (w.0, w.1 - 2), verb)
}

/// The word of `w` without its possessive `'s`.
fn possessive_stem(t: &Chars, w: (usize, usize)) -> &str {
    t.str(w.0, w.1.saturating_sub(2))
}

pub(super) fn is_particle(t: &Chars, w: (usize, usize)) -> bool {
    PARTICLES.contains(&t.str(w.0, w.1))
}

pub(super) fn is_title(word: &str) -> bool {
    // Occupations in `-ist` (`Botanist`, `Hydrologist`), not surnames in `-qvist`,
    // `-quist` or `-eist`.
    let occupation = word.ends_with("ist")
        && word.chars().count() >= 7
        && !word.ends_with("vist")
        && !word.ends_with("uist")
        && !word.ends_with("eist");
    TITLES.contains(&word) || occupation || title_gender(word).is_some()
}

/// A capitalised word that can be part of a name.
pub(super) fn is_name_word(t: &Chars, w: (usize, usize), verb: impl Fn(&str) -> bool) -> bool {
    if !t.is_capitalized(w) {
        return false;
    }
    let text = t.str(w.0, w.1);
    !NOT_NAMES.contains(&text)
        && !is_title(text)
        && !text.ends_with("’s")
        && !text.ends_with("'s")
        && !verb(&lowercase(text))
}

/// Does a sentence (or line, or a dash after a timestamp) start right before `at`?
pub(crate) fn starts_sentence(t: &Chars, at: usize) -> bool {
    let mut i = at;
    while i > 0 {
        let c = t.c[i - 1];
        if c == '\n' || matches!(c, '.' | '!' | '?' | '—' | '–' | ':') {
            return true;
        }
        // A list item: `- Locals call …`.
        if matches!(c, '-' | '•' | '*') && (i == 1 || t.c[i - 2] == '\n') {
            return true;
        }
        // An opening mark: one of the kinds that only open, or any after a space.
        let opening = matches!(c, '"' | '“' | '«' | '‘' | '„' | '‚' | '‹')
            || Chars::is_mark(c) && (i == 1 || t.is_space(i - 2));
        if !(t.is_space(i - 1) || c == '(' || opening) {
            return false;
        }
        i -= 1;
    }
    true
}

impl Names {
    /// Every name run in `t`; `quoted(i)` tells whether offset `i` is inside a quote.
    pub(super) fn new(
        t: &Chars,
        quoted: impl Fn(usize) -> bool,
        verb: impl Fn(&str) -> bool,
    ) -> Self {
        let mut words = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match t.word_at(i) {
                Some(w) if i == 0 || !t.is_word(i - 1) => {
                    words.push(w);
                    i = w.1;
                }
                _ => i += 1,
            }
        }
        // Whether each word can be a name word, asked once per word: a capitalised
        // sentence opener that also appears in lower case is an ordinary word ("For
        // Wrona", "Opposition leader").
        let capitalised: Vec<bool> = words.iter().map(|&w| is_name_word(t, w, &verb)).collect();
        let ordinary = seen_in_lower_case(t, &words, |k| {
            capitalised[k] && starts_sentence(t, words[k].0)
        });
        let name_word = |k: usize| capitalised[k] && !ordinary[k];
        let word = |k: usize| t.str(words[k].0, words[k].1);
        let mut runs = Vec::new();
        // Runs taken for places only for the preposition before them.
        let mut from_place = Vec::new();
        let mut k = 0;
        while k < words.len() {
            if !name_word(k) {
                k += 1;
                continue;
            }
            let mut last = k;
            let mut n = 1;
            let mut possessive_end = None;
            // Joined an organisation word and `of` (`Department of Agriculture`).
            let mut of_org = false;
            // `Harlow & Drew Coaches`: a firm, not a person.
            let mut ampersand = false;
            while last + 1 < words.len() {
                let next = last + 1;
                // `Farmers’ Party`: a plural possessive inside an organisation's name.
                let gap = &t.c[words[last].1..words[next].0];
                let joined = gap == [' ', '&', ' '] && name_word(next);
                let gap_ok = gap == [' ']
                    || joined
                    || (matches!(gap, ['’' | '\'', ' ']) && t.c[words[last].1 - 1] == 's');
                if !gap_ok {
                    break;
                }
                ampersand |= joined;
                if name_word(next) {
                    last = next;
                    n += 1;
                } else if org_possessive(t, words[next], &verb)
                    && is_org_word(possessive_stem(t, words[next]))
                {
                    // `Dyfnant County Council's cabinet`: the organisation without `'s`.
                    possessive_end = Some(words[next].1 - 2);
                    n += 1;
                    break;
                } else if (is_particle(t, words[next])
                    || (is_org_word(word(last))
                        && matches!(word(next), "of" | "for" | "on"))
                    // `Department of Agriculture and Rural Development`.
                    || (of_org && word(next) == "and"))
                    && next + 1 < words.len()
                    && name_word(next + 1)
                    && t.c[words[next].1..words[next + 1].0] == [' ']
                {
                    of_org |= is_org_word(word(last)) && word(next) != "and";
                    last = next + 1;
                    n += 1;
                } else {
                    break;
                }
            }
            // `General Staff`: a title word opening an organisation's name.
            let mut first = k;
            if is_org_word(word(last)) {
                while first > 0
                    && t.c[words[first - 1].1..words[first].0] == [' ']
                    && is_title(word(first - 1))
                {
                    first -= 1;
                    n += 1;
                }
            }
            // `Mayor of Alcora Rosa Gil`: after a title and `of`, a place of one word,
            // then the person.
            let titled_of = first >= 2 && word(first - 1) == "of" && is_title(word(first - 2));
            let split = titled_of && last >= first + 2 && !is_org_word(word(last));
            if split {
                let w = words[first];
                runs.push(Run {
                    start: w.0,
                    end: w.1,
                    text: t.string(w.0, w.1),
                    words: 1,
                    quoted: quoted(w.0),
                    not_person: true,
                });
                first += 1;
                n -= 1;
            }
            let (start, end) = (
                words[first].0,
                possessive_end.take().unwrap_or(words[last].1),
            );
            // `Institute for Public Health`, `Bank of Kestria`: one organisation (joined
            // above); a place, a group or a portfolio is no person.
            let before = (first > 0).then(|| word(first - 1));
            let place = !split
                && before.is_some_and(|w| {
                    matches!(
                        w,
                        "in" | "at"
                            | "from"
                            | "near"
                            | "of"
                            | "across"
                            | "into"
                            | "outside"
                            | "the"
                            | "The"
                    )
                });
            // `heard from Elena Bassi`, `from Tomasz Weil, 38,`: a person after all.
            let first_word = word(first);
            let aged = t.get(end) == Some(',')
                && t.get(end + 1) == Some(' ')
                && t.get(end + 2).is_some_and(|c| c.is_ascii_digit());
            let place =
                place && !(n >= 2 && (is_given_name(first_word) || aged) && before != Some("the"));
            let portfolio = words
                .get(last + 1)
                .is_some_and(|&w| t.c[words[last].1..w.0] == [' '] && is_title(t.str(w.0, w.1)));
            if place && !portfolio && !ampersand && n >= 2 && before != Some("the") {
                from_place.push(runs.len());
            }
            runs.push(Run {
                start,
                end,
                text: t.string(start, end),
                words: n,
                quoted: quoted(start),
                not_person: place || portfolio || ampersand,
            });
            k = last + 1;
        }
        let things = kinds::people_and_things(t, &mut runs, from_place);
        let mut person_words: HashMap<String, Vec<usize>, WordBuild> = HashMap::default();
        let mut given: HashMap<String, Vec<usize>, WordBuild> = HashMap::default();
        for (k, r) in runs.iter().enumerate() {
            if r.is_full_person() {
                for w in r.text.split(' ') {
                    if !person_words.contains_key(w) {
                        person_words.insert(w.to_owned(), Vec::new());
                    }
                }
                if let Some(v) = person_words.get_mut(r.last_word()) {
                    v.push(k);
                }
                let first = r.text.split(' ').next().unwrap_or("");
                match given.get_mut(first) {
                    Some(v) => v.push(k),
                    None => {
                        given.insert(first.to_owned(), vec![k]);
                    }
                }
            }
        }
        // `café owner Zoë`, `captain Jonah`, `her name was Zoë`: one name after a noun
        // for a person is a person's (someone the article names by one name only).
        for r in runs
            .iter()
            .filter(|r| r.words == 1 && !r.quoted && !r.is_org())
        {
            if one_name::is_person(t, r) && !person_words.contains_key(&r.text) {
                person_words.insert(r.text.clone(), Vec::new());
            }
        }
        // `Tessmar` for `The Tessmar Line`: an organisation by its first word.
        let mut org_words: HashMap<String, usize, WordBuild> = HashMap::default();
        for (k, r) in runs.iter().enumerate() {
            if r.words >= 2 && !r.quoted && (r.is_org() || r.not_person) {
                let first = r.text.split(' ').next().unwrap_or("");
                if !org_words.contains_key(first) {
                    org_words.insert(first.to_owned(), k);
                }
            }
        }
        let mut org_heads: HashMap<String, Option<usize>, WordBuild> = HashMap::default();
        for (k, r) in runs.iter().enumerate() {
            let head = [" of ", " for "].iter().find_map(|w| r.text.find(w));
            if let Some(at) = head {
                org_heads
                    .entry(r.text[..at].to_owned())
                    .and_modify(|seen| {
                        if seen.is_some_and(|j| runs[j].text != r.text) {
                            *seen = None;
                        }
                    })
                    .or_insert(Some(k));
            }
        }
        debug_assert!(
            runs.windows(2)
                .all(|w| w[0].start < w[0].end && w[0].end <= w[1].start),
            "runs are in text order and do not overlap"
        );
        let mut blocks = Vec::with_capacity(t.len() / BLOCK + 1);
        let mut k = 0;
        for b in 0..=t.len() / BLOCK {
            while k < runs.len() && runs[k].end <= b * BLOCK {
                k += 1;
            }
            blocks.push(u32::try_from(k).unwrap_or(u32::MAX));
        }
        Self {
            runs,
            blocks,
            person_words,
            org_words,
            given,
            org_heads,
            things,
        }
    }

    /// The index of the first run ending after `at` (the runs are in text order).
    fn ending_after(&self, at: usize) -> usize {
        let mut k = match self.blocks.get(at / BLOCK) {
            Some(&k) if k < u32::MAX => k as usize,
            Some(_) => self.runs.partition_point(|r| r.end <= at),
            None => self.runs.len(),
        };
        while k < self.runs.len() && self.runs[k].end <= at {
            k += 1;
        }
        k
    }

    /// The fullest form of an organisation's name the article uses (`Tessmar` is `The
    /// Tessmar Line` named earlier or later).
    pub(super) fn fullest_org(&self, name: &str) -> String {
        let first = name.split(' ').next().unwrap_or(name);
        match self.org_words.get(first) {
            Some(&k) if !name.contains(' ') => self.runs[k].text.clone(),
            // `Kudi Switch` of `Kudi Switch Limited`.
            Some(&k)
                if self.runs[k]
                    .text
                    .strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(' ')) =>
            {
                self.runs[k].text.clone()
            }
            // `the Electoral Board` of `Electoral Board of Castellmar`.
            _ if name.contains(' ') => match self.org_heads.get(name) {
                Some(Some(k)) => self.runs[*k].text.clone(),
                _ => name.to_owned(),
            },
            _ => name.to_owned(),
        }
    }

    /// The run that covers offset `at`, if any.
    pub(super) fn run_at(&self, at: usize) -> Option<&Run> {
        let k = self.ending_after(at);
        self.runs.get(k).filter(|r| r.start <= at)
    }

    /// Runs ending at or before `at`, nearest first (within `reach` code points).
    pub(super) fn before(&self, at: usize, reach: usize) -> impl Iterator<Item = &Run> {
        let k = self.ending_after(at);
        self.runs[..k]
            .iter()
            .rev()
            .take_while(move |r| r.end + reach >= at)
    }

    /// Runs starting at or after `at`, nearest first (within `reach` code points).
    pub(super) fn after(&self, at: usize, reach: usize) -> impl Iterator<Item = &Run> {
        // Runs do not overlap: only the first ending after `at` can start before it.
        let mut k = self.ending_after(at);
        if self.runs.get(k).is_some_and(|r| r.start < at) {
            k += 1;
        }
        self.runs[k..]
            .iter()
            .take_while(move |r| r.start <= at + reach)
    }

    /// Is a one-word run a person's surname or first name (part of a full name used
    /// somewhere in the article)?
    pub(super) fn is_known_person(&self, word: &str) -> bool {
        self.person_words.contains_key(word)
    }

    /// The fullest form of `name` the article uses: the full name ending in this
    /// surname; when relatives share it (`Nell Carrow`, her father `Tom Carrow`), the
    /// person introduced first, whom a bare surname means in news writing (the others
    /// are named in full or by their first name). A first name alone (`Maria`) takes
    /// the one full name it opens (`Maria Ekström`), if only one does. A name of two
    /// or more words that ends one longer full name only (`Ole Sankale` of `Baraka Ole
    /// Sankale`, `Dal Piaz` of `Franco Dal Piaz`) takes that name.
    pub(super) fn fullest(&self, name: &str) -> String {
        if let Some((_, surname)) = name.rsplit_once(' ') {
            let longer = |k: &usize| {
                let full = &self.runs[*k].text;
                (full.len() > name.len()
                    && full.ends_with(name)
                    && full[..full.len() - name.len()].ends_with(' '))
                .then_some(full)
            };
            let mut tails = self
                .person_words
                .get(surname)
                .into_iter()
                .flatten()
                .filter_map(longer);
            if let Some(full) = tails.next()
                && tails.all(|other| other == full)
            {
                return full.clone();
            }
            return self.fullest_org(name);
        }
        if let Some(&k) = self.person_words.get(name).and_then(|v| v.first()) {
            return self.runs[k].text.clone();
        }
        if let Some(full) = self.given.get(name) {
            let first = &self.runs[full[0]].text;
            if full.iter().all(|&k| self.runs[k].text == *first) {
                return first.clone();
            }
            return name.to_owned();
        }
        if self.person_words.contains_key(name) {
            return name.to_owned();
        }
        self.fullest_org(name)
    }

    /// Do two or more people the article names in full share the surname of `full`
    /// (so that a bare surname only guesses which one is meant)?
    pub(super) fn shared_surname(&self, full: &str) -> bool {
        let Some(surname) = full.split(' ').next_back().filter(|_| full.contains(' ')) else {
            return false;
        };
        self.person_words
            .get(surname)
            .is_some_and(|v| v.iter().any(|&k| self.runs[k].text != self.runs[v[0]].text))
    }

    /// Is `run` a business: named with a business word or called a thing by the
    /// article (`The operator, Rávdnji Nickel,`)?
    pub(super) fn is_business(&self, run: &Run) -> bool {
        BUSINESS_WORDS.contains(&run.last_word()) || self.things.contains(&run.text)
    }

    /// Is `run` an organisation: by its words or by what the article says of it?
    pub(super) fn is_organisation(&self, run: &Run) -> bool {
        run.is_org() || self.things.contains(&run.text)
    }

    /// Can `run` be the person a pronoun points to?
    pub(super) fn is_person(&self, run: &Run) -> bool {
        !run.quoted
            && !run.not_person
            && (run.is_full_person() || (!run.is_org() && self.is_known_person(&run.text)))
    }
}
