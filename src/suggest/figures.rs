//! Figures: numbers (digits with separators and decimals, or number words and their
//! compounds) with their currency, scale, unit or counted noun — `270 drones`,
//! `$90 billion`, `80%`, `fifteen years`, `40,000 people`, `31 to 24`, `44°C`. A year on
//! its own is offered as a date (attribute `kind: date`) so users can keep or drop it.

use super::Suggestion;
use super::figure_forms as forms;
use super::text::{Chars, WordSet, lowercase};
use crate::model::{Attributes, CharRange};

static UNITS: WordSet = WordSet::new(&[
    "million", "billion", "bn", "trillion", "thousand", "hundred", "percent", "per", "km", "kg",
    "m", "tonnes", "tons", "degrees", "mph", "kph",
]);

static WORDS: WordSet = WordSet::new(&[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozen",
]);

/// Words right after a number that are not what it counts.
static NOT_COUNTED: WordSet = WordSet::new(&[
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "than", "per", "were", "was", "is", "are", "had", "have", "has", "would", "will", "more",
    "fewer", "less", "that", "this", "which", "who", "when", "while", "but", "after", "before",
    "since", "until", "into", "over", "under", "about", "said", "says", "it", "its", "very",
    "much", "many", "most", "other", "such", "so", "too", "also", "just", "only", "still",
    "already", "even", "both", "each", "all", "some", "new", "old", "big", "small",
]);

const CURRENCY: &[char] = &['$', '€', '£', '₴', '¥', '₽'];
/// ISO 4217 codes written before an amount (`CHF 412,000`, `BRL 14,000`).
static CODES: WordSet = WordSet::new(&[
    "USD", "EUR", "GBP", "UAH", "RUB", "JPY", "CHF", "CNY", "CAD", "AUD", "NZD", "SEK", "NOK",
    "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RSD", "TRY", "BYN", "KZT", "GEL", "AMD",
    "AZN", "INR", "PKR", "BDT", "LKR", "NPR", "IDR", "MYR", "SGD", "THB", "VND", "PHP", "KRW",
    "TWD", "HKD", "BRL", "ARS", "CLP", "COP", "PEN", "MXN", "ZAR", "NGN", "KES", "GHS", "EGP",
    "MAD", "TND", "ILS", "SAR", "AED", "QAR", "KWD", "ETB", "TZS", "UGX",
]);

fn is_number_word(w: &str) -> bool {
    let lower = lowercase(w);
    // "one" only inside a compound ("forty-one"); alone it is mostly a pronoun.
    lower.contains('-')
        && lower
            .split('-')
            .enumerate()
            .all(|(k, part)| WORDS.contains(&part) || (k > 0 && part == "one"))
        || WORDS.contains(&lower.as_ref())
}

/// Units that make "one" a quantity ("one metre").
static ONE_OF: WordSet = WordSet::new(&[
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "mile",
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "percent",
    "million",
    "billion",
    "degree",
    "tonne",
    "litre",
]);

/// A number after a capitalised word inside a sentence: part of a name (`Route 9`).
fn in_a_name(t: &Chars, start: usize) -> bool {
    let Some(w) = t.word_before(start) else {
        return false;
    };
    t.c[w.1..start] == [' '] && t.is_capitalized(w) && !super::names::starts_sentence(t, w.0)
}

/// A number after `number` or `no.`: a label (`the baker at number 12`).
fn numbered(t: &Chars, start: usize) -> bool {
    t.word_before(start).is_some_and(|(s, e)| {
        matches!(t.lower(s, e).as_ref(), "number" | "no")
            && t.c[e..start].iter().all(|c| matches!(c, ' ' | '.'))
    })
}

/// A number in digits starting at `i`: digits with `,` and `.` between digits.
fn digits_at(t: &Chars, i: usize) -> Option<usize> {
    if !t.get(i).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut e = i;
    while e < t.len() {
        let c = t.c[e];
        if c.is_ascii_digit()
            || (matches!(c, ',' | '.') && t.get(e + 1).is_some_and(|n| n.is_ascii_digit()) && e > i)
        {
            e += 1;
        } else {
            break;
        }
    }
    // Part of a word ("G7", "2nd", "4x4") is not a figure, but for the rand
    // (`R14 million`, `R1,200`); a scale written on ("450million", "3bn", "20m") is
    // part of it.
    if i > 0 && (t.c[i - 1].is_ascii_digit() || (t.is_alpha(i - 1) && !rand(t, i, e))) {
        return None;
    }
    let letters = (e..t.len()).take_while(|&k| t.is_alpha(k)).count();
    if letters > 0 {
        let glued = t.lower(e, e + letters);
        if !GLUED_SCALES.contains(&glued.as_ref()) {
            return None;
        }
    }
    Some(e)
}

/// `R14 million`, `R1,200`: a rand amount (an `R` alone before a scale word or a
/// grouped number), not a road or a label such as `R14`.
fn rand(t: &Chars, i: usize, e: usize) -> bool {
    let alone = t.c[i - 1] == 'R' && (i < 2 || !t.is_word(i - 2));
    let grouped = t.c[i..e].contains(&',');
    let scale = t.get(e) == Some(' ')
        && t.word_at(e + 1)
            .is_some_and(|w| matches!(t.str(w.0, w.1), "million" | "billion" | "bn" | "m"));
    alone && (grouped || scale)
}

/// Scales written straight after the digits.
static GLUED_SCALES: WordSet = WordSet::new(&[
    "m", "bn", "k", "million", "billion", "trillion", "thousand", "mn",
]);

/// Can a number word (or `one`) start with `c`?
fn opens_number_word(c: char) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        't' | 'f' | 's' | 'e' | 'n' | 'h' | 'm' | 'b' | 'd' | 'o'
    )
}

/// A number starting at `i` (digits or number words): its end and whether it was digits.
fn number_at(t: &Chars, i: usize) -> Option<(usize, bool)> {
    if let Some(e) = digits_at(t, i) {
        return Some((e, true));
    }
    // Only at the start of a word whose first letter starts a number word (cheap
    // checks before building the word).
    if (i > 0 && t.is_word(i - 1)) || !t.get(i).is_some_and(opens_number_word) {
        return None;
    }
    let (s, mut e) = t.word_at(i)?;
    if t.str(s, e).eq_ignore_ascii_case("one") {
        let unit = t
            .word_at(e + 1)
            .filter(|_| t.get(e) == Some(' '))
            .map(|(ns, ne)| t.str(ns, ne));
        let unit = unit.map(|u| u.strip_suffix('s').unwrap_or(u));
        let counts = unit.is_some_and(|u| ONE_OF.contains(&u))
            || forms::one_counts(t, s, e, |w| counted_word(w, false));
        return counts.then_some((e, false));
    }
    let word = t.str(s, e);
    // `nine-metre`: a number word joined to what it measures, one figure.
    if let Some((number, rest)) = word.split_once('-')
        && forms::age_word(word).is_none()
        && is_number_word(number)
        && !is_number_word(rest)
        && rest != "one"
        && rest.chars().all(char::is_lowercase)
    {
        return Some((e, false));
    }
    if e - s > 30 || !is_number_word(forms::age_word(word).unwrap_or(word)) {
        return None;
    }
    // Compounds: "forty thousand", "two hundred".
    while let Some((ns, ne)) = t.word_at(e + 1).filter(|_| t.get(e) == Some(' ')) {
        if is_number_word(t.str(ns, ne)) {
            e = ne;
        } else {
            break;
        }
    }
    Some((e, false))
}

/// Figure suggestions.
pub fn find(t: &Chars) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // Most code points start no number: the cheap tests of `number_at` first.
        let c = t.c[i];
        if !c.is_ascii_digit() && (!opens_number_word(c) || (i > 0 && t.is_word(i - 1))) {
            i += 1;
            continue;
        }
        let Some((mut end, digits)) = number_at(t, i) else {
            i += 1;
            continue;
        };
        if digits && (forms::time_or_day(t, i, end) || forms::clock_or_label(t, i, end, true)) {
            i = end;
            continue;
        }
        if digits {
            end = forms::space_groups(t, i, end);
        }
        let age = if digits {
            forms::age_suffix(t, end)
        } else {
            forms::age_word(t.str(i, end)).map(|_| end)
        };
        // `25-litre`, `31-seat`, `nine-metre`: a number joined to a word is one figure
        // over the whole word (not `one-off`, not a range `10-12`).
        let compound = age.is_none()
            && t.get(end) == Some('-')
            && t.get(end + 1).is_some_and(char::is_lowercase)
            && !t.str(i, end).eq_ignore_ascii_case("one");
        let joined = age.is_none()
            && !digits
            && t.str(i, end)
                .split_once('-')
                .is_some_and(|(_, rest)| !is_number_word(rest) && rest != "one");
        let compound_end = joined.then_some(end).or_else(|| {
            compound.then(|| {
                let mut k = end + 1;
                while t.is_word(k) || (t.get(k) == Some('-') && t.is_alpha(k + 1)) {
                    k += 1;
                }
                k
            })
        });
        let mut start = i;
        let mut attributes = Attributes::new();
        let mut counted = false;
        let mut ranged = false;
        // `half a million`: a fraction of a scale word.
        if !digits
            && let [(a0, a1), (h0, h1)] = t.words_before(start, 2)[..]
            && t.str(a0, a1) == "a"
            && t.str(h0, h1).eq_ignore_ascii_case("half")
            && t.c[a1..start] == [' ']
            && t.c[h1..a0] == [' ']
            && ["hundred", "thousand", "million", "billion"].contains(&t.str(start, end))
        {
            start = h0;
        }
        // A currency sign or code in front.
        if start > 0 && (CURRENCY.contains(&t.c[start - 1]) || (digits && rand(t, start, end))) {
            start -= 1;
            counted = true;
        } else if let Some((ws, we)) = t.word_before(start)
            && CODES.contains(&t.str(ws, we))
            && t.c[we..start].iter().all(|c| *c == ' ')
        {
            start = ws;
            counted = true;
        }
        // A minus sign: `−18°C`.
        if start > 0
            && matches!(t.c[start - 1], '−' | '-')
            && (start == 1 || t.c[start - 2].is_whitespace() || t.c[start - 2] == '(')
            && digits
        {
            start -= 1;
        }
        // "31 to 24", "six to two", "10-12"; not from a year (`2017 to 2021` are two dates, `in 1995
        // to 47 last year` no range).
        let range_end = t.words_after(end, 2);
        if let [(ts, te), (ns, _)] = range_end[..]
            && t.str(ts, te) == "to"
            && let Some((ne, digits_too)) = number_at(t, ns)
            && digits == digits_too
            && !forms::year_shaped(t, i, end)
            && t.c[end..ts].iter().all(|c| *c == ' ')
        {
            end = ne;
            ranged = true;
        }
        // Percent, degrees, scale, unit, counted noun. An amount of money or a share
        // counts no noun (`€30 billion fund`, `6% of output`); a bare number with a
        // scale does (`3bn lira`, `450million crowns`, `31 billion korunas`).
        // No counted noun after a year-shaped number, a label (`Number 3 line`) or an
        // age compound.
        let mut money = counted || (digits && (forms::year_shaped(t, i, end) || numbered(t, i)));
        if let Some(compound) = compound_end {
            end = compound;
            counted = true;
            money = true;
        } else if let Some(age) = age {
            end = age;
            counted = true;
            money = true;
        } else if t.get(end) == Some('%') {
            end += 1;
            counted = true;
            money = true;
        } else if t.get(end) == Some('°') {
            end += 1;
            if t.get(end).is_some_and(|c| c == 'C' || c == 'F') {
                end += 1;
            }
            counted = true;
            money = true;
        } else if digits && t.is_alpha(end) {
            // A scale written on: "450million", "3bn".
            while t.is_alpha(end) {
                end += 1;
            }
            counted = true;
        }
        if !digits && {
            let lower = t.lower(start, end);
            ["hundred", "thousand", "million", "billion"]
                .iter()
                .any(|w| lower.contains(w))
        } {
            counted = true;
        }
        let one = !digits
            && t.get(i).is_some_and(|c| matches!(c, 'o' | 'O'))
            && t.str(i, i + 3).eq_ignore_ascii_case("one")
            && !t.is_word(i + 3);
        let mut next = end;
        for _ in 0..3 {
            if t.get(next) != Some(' ') {
                break;
            }
            let Some((ws, we)) = t.word_at(next + 1) else {
                break;
            };
            let w = t.str(ws, we);
            // `per` only in `per cent` (`€2.50 per night` ends at the amount).
            let per_cent = w == "per" && t.str(we, we + 5) == " cent";
            if (UNITS.contains(&w) && (w != "per" || per_cent))
                || (w == "cent" && t.str(next.saturating_sub(3), next) == "per")
            {
                next = forms::slash_unit(t, we).unwrap_or(we);
                end = next;
                counted = true;
                money |= forms::MEASURES.contains(&w);
                continue;
            }
            if !money && counted_word(w, !one) && !counted_by_unit(t.str(start, end)) {
                end = we;
                counted = true;
            }
            break;
        }
        let text = t.str(start, end);
        let year = digits
            && !counted
            && text.len() == 4
            && text
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
        let one_of = one
            && t.word_after(i + 3).is_some_and(|(s, e)| {
                let u = t.str(s, e);
                ONE_OF.contains(&u.strip_suffix('s').unwrap_or(u))
            });
        // `the only one thinking`, `no one`: a pronoun.
        let pronoun = one
            && t.word_before(i).is_some_and(|(s, e)| {
                matches!(
                    t.lower(s, e).as_ref(),
                    "only" | "no" | "every" | "any" | "each"
                )
            });
        if pronoun {
            i = end.max(i + 1);
            continue;
        }
        let (confidence, rule) = if !digits && forms::vague(t, start) {
            (0.3, "number word")
        } else if year {
            attributes.insert("kind".to_owned(), "date".to_owned());
            (0.6, "year")
        } else if one && !one_of {
            (0.7, "one + noun")
        } else if counted || ranged {
            (0.9, "number + unit or noun")
        } else if digits && (in_a_name(t, start) || numbered(t, start)) {
            (0.3, "number in a name")
        } else if digits {
            (0.6, "number")
        } else if forms::clock_or_label(t, start, end, false) {
            (0.3, "number word")
        } else {
            // A number word alone counts what the sentence counts (`seven of them`,
            // `a majority of eight`).
            (0.7, "number word alone")
        };
        out.push(Suggestion {
            label: "figure".to_owned(),
            range: CharRange::new(start, end),
            attributes,
            confidence,
            rule,
            speaker_at: None,
        });
        i = end.max(i + 1);
    }
    forms::join_ranges(t, &mut out);
    out
}

/// Can the word `w` after a number be what it counts? Lowercase letters, not a
/// function word, pronoun or adverb, nor a verb or adverb by its ending ("40
/// attended"; with `verbs` false a noun may end in -ing: `one evening`).
fn counted_word(w: &str, verbs: bool) -> bool {
    let lower = w.chars().all(|c| !c.is_uppercase());
    let verbish = w.chars().count() > 4
        && (w.ends_with("ed") || w.ends_with("ly") || (verbs && w.ends_with("ing")));
    lower
        && !verbish
        && !NOT_COUNTED.contains(&w)
        && !forms::not_a_noun(w)
        && w.chars().all(char::is_alphabetic)
}

/// Does the figure already end in a unit that takes no noun after it ("80%")?
fn counted_by_unit(text: &str) -> bool {
    text.ends_with('%') || text.ends_with("°C") || text.ends_with("percent")
}

#[cfg(test)]
mod tests;
