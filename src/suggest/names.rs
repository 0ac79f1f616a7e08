//! Names in an article: runs of capitalised words (with inner particles such as `van`,
//! `de`) that are not titles, function words or verbs. Built once per text, they let
//! attribution resolve a pronoun or a description ("the minister") to the nearest
//! fitting person, and give a speaker in the fullest form the article uses (a bare
//! surname becomes the full name introduced elsewhere).

use super::gender_words::title_gender;
use super::given_names::is_given_name;
use super::lexicon::{NOT_NAMES, PARTICLES, TITLES};
use super::sentences::person_noun;
use super::text::Chars;
use std::collections::{HashMap, HashSet};

/// Last words that make a run an organisation or a place, not a person.
pub(super) const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Council",
    "Institute",
    "Party",
    "Staff",
    "Authority",
    "Agency",
    "Office",
    "Bank",
    "Company",
    "Government",
    "Police",
    "Army",
    "Union",
    "Commission",
    "Committee",
    "Department",
    "Street",
    "Square",
    "Bridge",
    "Road",
    "Valley",
    "River",
    "Research",
    "Wire",
    "Times",
    "News",
    "Declaration",
    "Airport",
    "Station",
    "University",
    "School",
    "Hospital",
    "Court",
    "Parliament",
    "Assembly",
    "Group",
    "Fund",
    "Service",
    "Services",
    "Association",
    "Federation",
    "Brigade",
    "Forces",
    "Guard",
    "Board",
    "Centre",
    "Center",
    "Greens",
    "Directorate",
    "Society",
];

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
        self.text.split(' ').any(|w| ORG_WORDS.contains(&w))
    }

    /// Two or more words and no organisation word.
    pub(super) fn is_full_person(&self) -> bool {
        self.words >= 2 && !self.is_org() && !self.quoted && !self.not_person
    }
}

pub(super) struct Names {
    pub(super) runs: Vec<Run>,
    /// The words of full person names, each with the runs (indices) whose last word
    /// it is (empty for a first name).
    person_words: HashMap<String, Vec<usize>>,
    /// First words of organisations' names of two words or more, with the run.
    org_words: HashMap<String, usize>,
    /// First words of full person names, with the runs (indices) they open.
    given: HashMap<String, Vec<usize>>,
}

pub(super) fn is_particle(t: &Chars, w: (usize, usize)) -> bool {
    PARTICLES.contains(&t.string(w.0, w.1).as_str())
}

pub(super) fn is_title(word: &str) -> bool {
    // Occupations in `-ist` (`Botanist`, `Hydrologist`), not surnames in `-qvist`,
    // `-quist` or `-eist`.
    let occupation = word.chars().count() >= 7
        && word.ends_with("ist")
        && !word.ends_with("vist")
        && !word.ends_with("uist")
        && !word.ends_with("eist");
    TITLES.contains(&word) || occupation || title_gender(word).is_some()
}

/// A capitalised word that can be part of a name.
pub(super) fn is_name_word(t: &Chars, w: (usize, usize), verb: impl Fn(&str) -> bool) -> bool {
    let text = t.string(w.0, w.1);
    t.is_capitalized(w)
        && !NOT_NAMES.contains(&text.as_str())
        && !is_title(&text)
        && !text.ends_with("’s")
        && !text.ends_with("'s")
        && !verb(&text.to_lowercase())
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
            || Chars::is_mark(c) && (i == 1 || t.c[i - 2].is_whitespace());
        if !(c.is_whitespace() || c == '(' || opening) {
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
        // Words seen in lower case: a capitalised sentence opener that also appears in
        // lower case is an ordinary word ("For Wrona", "Opposition leader").
        let mut lower: HashSet<String> = HashSet::new();
        let mut words = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match t.word_at(i) {
                Some(w) if i == 0 || !t.is_word(i - 1) => {
                    if t.get(w.0).is_some_and(char::is_lowercase) && w.1 - w.0 < 16 {
                        lower.insert(t.string(w.0, w.1));
                    }
                    words.push(w);
                    i = w.1;
                }
                _ => i += 1,
            }
        }
        let name_word = |k: usize| {
            let w = words[k];
            is_name_word(t, w, &verb)
                && !(starts_sentence(t, w.0) && lower.contains(&t.string(w.0, w.1).to_lowercase()))
        };
        let mut runs = Vec::new();
        let mut k = 0;
        while k < words.len() {
            if !name_word(k) {
                k += 1;
                continue;
            }
            let mut last = k;
            let mut n = 1;
            while last + 1 < words.len() {
                let next = last + 1;
                // `Farmers’ Party`: a plural possessive inside an organisation's name.
                let gap = &t.c[words[last].1..words[next].0];
                let gap_ok = gap == [' ']
                    || (matches!(gap, ['’' | '\'', ' ']) && t.c[words[last].1 - 1] == 's');
                if !gap_ok {
                    break;
                }
                let org_so_far =
                    ORG_WORDS.contains(&t.string(words[last].0, words[last].1).as_str());
                if name_word(next) {
                    last = next;
                    n += 1;
                } else if (is_particle(t, words[next])
                    || (org_so_far
                        && matches!(
                            t.string(words[next].0, words[next].1).as_str(),
                            "of" | "for" | "on"
                        )))
                    && next + 1 < words.len()
                    && name_word(next + 1)
                    && t.c[words[next].1..words[next + 1].0] == [' ']
                {
                    last = next + 1;
                    n += 1;
                } else {
                    break;
                }
            }
            // `General Staff`: a title word opening an organisation's name.
            let mut first = k;
            if ORG_WORDS.contains(&t.string(words[last].0, words[last].1).as_str()) {
                while first > 0
                    && t.c[words[first - 1].1..words[first].0] == [' ']
                    && is_title(&t.string(words[first - 1].0, words[first - 1].1))
                {
                    first -= 1;
                    n += 1;
                }
            }
            // `Mayor of Alcora Rosa Gil`: after a title and `of`, a place of one word,
            // then the person.
            let titled_of = first >= 2
                && t.string(words[first - 1].0, words[first - 1].1) == "of"
                && is_title(&t.string(words[first - 2].0, words[first - 2].1));
            let split = titled_of
                && last >= first + 2
                && !ORG_WORDS.contains(&t.string(words[last].0, words[last].1).as_str());
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
            let (start, end) = (words[first].0, words[last].1);
            // `Institute for Public Health`, `Bank of Kestria`: one organisation (joined
            // above); a place, a group or a portfolio is no person.
            let before = (first > 0).then(|| t.string(words[first - 1].0, words[first - 1].1));
            let place = !split
                && before.as_deref().is_some_and(|w| {
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
            let first_word = t.string(words[first].0, words[first].1);
            let aged = t.get(end) == Some(',')
                && t.get(end + 1) == Some(' ')
                && t.get(end + 2).is_some_and(|c| c.is_ascii_digit());
            let place = place
                && !(n >= 2
                    && (is_given_name(&first_word) || aged)
                    && before.as_deref() != Some("the"));
            let portfolio = words.get(last + 1).is_some_and(|&w| {
                t.c[words[last].1..w.0] == [' '] && is_title(&t.string(w.0, w.1))
            });
            runs.push(Run {
                start,
                end,
                text: t.string(start, end),
                words: n,
                quoted: quoted(start),
                not_person: place || portfolio,
            });
            k = last + 1;
        }
        let mut person_words: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, r) in runs.iter().enumerate() {
            if r.is_full_person() {
                for w in r.text.split(' ') {
                    person_words.entry(w.to_owned()).or_default();
                }
                person_words
                    .entry(r.last_word().to_owned())
                    .or_default()
                    .push(k);
            }
        }
        let mut given: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, r) in runs.iter().enumerate().filter(|(_, r)| r.is_full_person()) {
            let first = r.text.split(' ').next().unwrap_or("").to_owned();
            given.entry(first).or_default().push(k);
        }
        // `café owner Zoë`, `captain Jonah`: one name after a noun for a person is a
        // person's (someone the article names by one name only).
        for r in runs
            .iter()
            .filter(|r| r.words == 1 && !r.quoted && !r.is_org())
        {
            let before = t.words_before(r.start, 1);
            let Some(&w) = before.first() else { continue };
            let noun = t.string(w.0, w.1);
            if t.c[w.1..r.start] == [' ']
                && !t.is_capitalized(w)
                && person_noun(&noun.to_lowercase())
            {
                person_words.entry(r.text.clone()).or_default();
            }
        }
        // `Tessmar` for `The Tessmar Line`: an organisation by its first word.
        let mut org_words: HashMap<String, usize> = HashMap::new();
        for (k, r) in runs.iter().enumerate() {
            if r.words >= 2 && !r.quoted && (r.is_org() || r.not_person) {
                let first = r.text.split(' ').next().unwrap_or("").to_owned();
                org_words.entry(first).or_insert(k);
            }
        }
        Self {
            runs,
            person_words,
            org_words,
            given,
        }
    }

    /// The fullest form of an organisation's name the article uses (`Tessmar` is `The
    /// Tessmar Line` named earlier or later).
    pub(super) fn fullest_org(&self, name: &str) -> String {
        match self.org_words.get(name) {
            Some(&k) if !name.contains(' ') => self.runs[k].text.clone(),
            _ => name.to_owned(),
        }
    }

    /// The run that covers offset `at`, if any.
    pub(super) fn run_at(&self, at: usize) -> Option<&Run> {
        let k = self.runs.partition_point(|r| r.end <= at);
        self.runs.get(k).filter(|r| r.start <= at)
    }

    /// Runs ending at or before `at`, nearest first (within `reach` code points).
    pub(super) fn before(&self, at: usize, reach: usize) -> impl Iterator<Item = &Run> {
        let k = self.runs.partition_point(|r| r.end <= at);
        self.runs[..k]
            .iter()
            .rev()
            .take_while(move |r| r.end + reach >= at)
    }

    /// Runs starting at or after `at`, nearest first (within `reach` code points).
    pub(super) fn after(&self, at: usize, reach: usize) -> impl Iterator<Item = &Run> {
        let k = self.runs.partition_point(|r| r.start < at);
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
            return name.to_owned();
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

    /// Can `run` be the person a pronoun points to?
    pub(super) fn is_person(&self, run: &Run) -> bool {
        !run.quoted
            && !run.not_person
            && (run.is_full_person() || (!run.is_org() && self.is_known_person(&run.text)))
    }
}
