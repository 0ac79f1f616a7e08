//! Quotes: text between quotation marks (straight, curly, low-high, guillemets, single
//! curly marks used as quotes, a curly opener closed by a straight mark), excluding the
//! marks and a trailing comma that belongs to the attribution. A quote interrupted by
//! an attribution (`"X," he said, "Y"`) gives two quotes; a quote running over
//! paragraphs (the opening mark repeated at each) gives one per paragraph. Apostrophes
//! inside words are never marks. Short unattributed quotes are offered as likely scare
//! quotes, with low confidence. Each quote gets the speaker its sentence names.

use super::Suggestion;
use super::text::Chars;
use crate::model::{Attributes, CharRange};

/// Which marks close a quote opened by `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '"', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’'],
        '"' => &['"', '”'],
        _ => &[],
    }
}

/// Is the mark at `i` placed like an opening mark (after a space or start, before text)?
fn opens_here(t: &Chars, i: usize) -> bool {
    let before = if i == 0 { None } else { t.get(i - 1) };
    let after = t.get(i + 1);
    let before_ok = before
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '/'));
    before_ok && after.is_some_and(|c| !c.is_whitespace())
}

/// Is the mark at `i` placed like a closing mark?
fn closes_here(t: &Chars, i: usize, mark: char) -> bool {
    if mark == '’' {
        // Not an apostrophe: no letter right after it.
        return !t.is_word(i + 1);
    }
    if mark == '"' {
        return !t.is_word(i + 1) || t.get(i.wrapping_sub(1)).is_some_and(|c| !c.is_whitespace());
    }
    true
}

struct Found {
    range: CharRange,
    open_at: usize,
    close_at: usize,
}

fn push_quote(
    t: &Chars,
    out: &mut Vec<Found>,
    start: usize,
    end: usize,
    open_at: usize,
    close_at: usize,
) {
    let mut s = start;
    let mut e = end;
    while s < e && t.c[s].is_whitespace() {
        s += 1;
    }
    while e > s && (t.c[e - 1].is_whitespace() || t.c[e - 1] == ',') {
        e -= 1;
    }
    if e > s && t.c[s..e].iter().any(|c| c.is_alphanumeric()) {
        out.push(Found {
            range: CharRange::new(s, e),
            open_at,
            close_at,
        });
    }
}

fn find_marks(t: &Chars) -> Vec<Found> {
    let mut out = Vec::new();
    // (opening mark, where it is, where the quote's text starts)
    let mut open: Option<(char, usize, usize)> = None;
    let mut i = 0;
    while i < t.len() {
        let c = t.c[i];
        match open {
            None => {
                if matches!(c, '“' | '„' | '«' | '‘' | '"') && opens_here(t, i) {
                    open = Some((c, i, i + 1));
                } else if c == '»'
                    && t.get(i + 1).is_some_and(|n| !n.is_whitespace())
                    && !t.is_word(i.wrapping_sub(1))
                {
                    // Reversed guillemets (»…«), as some languages write them.
                    open = Some((c, i, i + 1));
                }
            }
            Some((mark, at, start)) => {
                if c == '\n' {
                    // A paragraph ends inside the quote: it goes on if the next
                    // paragraph opens with the same mark, and is dropped otherwise.
                    let mut j = i;
                    while j < t.len() && t.c[j].is_whitespace() {
                        j += 1;
                    }
                    if t.get(j) == Some(mark) {
                        push_quote(t, &mut out, start, i, at, i);
                        open = Some((mark, j, j + 1));
                        i = j + 1;
                        continue;
                    }
                    open = None;
                } else if closers(mark).contains(&c) && closes_here(t, i, c) && i > start {
                    push_quote(t, &mut out, start, i, at, i);
                    open = None;
                }
            }
        }
        i += 1;
    }
    out
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "continued",
    "asked",
    "wrote",
    "writes",
    "warned",
    "insisted",
    "stressed",
    "explained",
    "noted",
    "claimed",
    "argued",
    "declared",
    "tweeted",
    "replied",
    "posted",
    "according",
    "announced",
    "recalled",
    "joked",
    "laughed",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Capitalized words that start sentences or name roles, never a speaker's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "In",
    "On",
    "At",
    "It",
    "This",
    "That",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
    "Mayor",
    "Minister",
    "Prime",
    "Chancellor",
    "Secretary",
    "General",
    "Governor",
    "Senator",
    "Spokesman",
    "Spokeswoman",
    "Chief",
    "Deputy",
    "Kremlin",
    "Pope",
    "Sir",
    "Lady",
    "Professor",
    "Prof",
    "Judge",
    "Colonel",
    "Captain",
    "Officer",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "When",
    "As",
    "After",
    "Before",
    "Asked",
    "Speaking",
    "Yesterday",
    "Today",
];

/// Lower-case words that belong inside names (`Pieter van Dijk`, `Hanna de Wit`).
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "von", "da", "di", "del", "la", "le", "du", "bin", "al", "ter",
    "ten", "dos",
];

fn is_particle(t: &Chars, w: (usize, usize)) -> bool {
    PARTICLES.contains(&word(t, w).as_str())
}

fn word(t: &Chars, w: (usize, usize)) -> String {
    t.string(w.0, w.1)
}

fn is_verb(t: &Chars, w: (usize, usize)) -> bool {
    VERBS.contains(&word(t, w).to_lowercase().as_str())
}

fn is_name_word(t: &Chars, w: (usize, usize)) -> bool {
    let text = word(t, w);
    t.is_capitalized(w)
        && !NOT_NAMES.contains(&text.as_str())
        && !text.ends_with("’s")
        && !text.ends_with("'s")
        && !is_verb(t, w)
}

/// The run of name words in `words` (in text order) that ends the run nearest `end`.
fn name_from(t: &Chars, words: &[(usize, usize)]) -> Option<String> {
    // `words` in text order: the last run of consecutive name words.
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut best: Option<Vec<(usize, usize)>> = None;
    for (k, &w) in words.iter().enumerate() {
        let joined = run
            .last()
            .is_none_or(|&(_, e)| t.c[e..w.0].iter().all(|c| *c == ' '));
        let inner_particle = is_particle(t, w)
            && !run.is_empty()
            && words.get(k + 1).is_some_and(|n| is_name_word(t, *n));
        if (is_name_word(t, w) || inner_particle) && joined {
            run.push(w);
        } else {
            if !run.is_empty() {
                best = Some(std::mem::take(&mut run));
            }
            if is_name_word(t, w) {
                run.push(w);
            }
        }
    }
    if !run.is_empty() {
        best = Some(run);
    }
    let run = best?;
    let first = run.first()?.0;
    let last = run.last()?.1;
    Some(t.string(first, last))
}

/// The speaker named right after the closing mark: `, Trump said`, `said Lavrov`,
/// `said economist Jonas Weber`, `he said`, `— Anna Berger, mayor`.
fn speaker_after(
    t: &Chars,
    open: usize,
    close: usize,
    ended: bool,
    last_named: &Option<String>,
) -> Option<String> {
    let mut i = close + 1;
    let mut dashed = false;
    while i < t.len() && !t.is_word(i) {
        match t.c[i] {
            '—' | '–' => dashed = true,
            '.' | '!' | '?' if !dashed => return None,
            '“' | '"' | '«' | '„' => return None,
            _ => {}
        }
        if t.c[i] == '\n' && !dashed {
            // A pull quote: the attribution on the next line, after a dash.
            let next = (i + 1..t.len()).find(|&j| !t.c[j].is_whitespace());
            if next.is_some_and(|j| matches!(t.c[j], '—' | '–')) {
                i = next.unwrap_or(i);
                continue;
            }
            return None;
        }
        i += 1;
    }
    let words = t.words_after(i, 12);
    // After a quote that ended its sentence, only a dash attribution belongs to it.
    if ended && !dashed {
        return None;
    }
    if dashed {
        let names: Vec<_> = words
            .iter()
            .copied()
            .take_while(|w| is_name_word(t, *w) || is_particle(t, *w))
            .collect();
        return name_from(t, &names);
    }
    let verb = words.iter().position(|w| is_verb(t, *w))?;
    if verb == 0 {
        // `said Lavrov`, `said economist Jonas Weber, ...`
        let rest: Vec<_> = words[1..].to_vec();
        let first_name = rest.iter().position(|w| is_name_word(t, *w))?;
        let names: Vec<_> = rest[first_name..]
            .iter()
            .copied()
            .take_while(|w| is_name_word(t, *w) || is_particle(t, *w))
            .collect();
        return name_from(t, &names);
    }
    let before_verb = &words[..verb];
    if before_verb.len() == 1 && PRONOUNS.contains(&word(t, before_verb[0]).as_str()) {
        return resolve_pronoun(t, open, last_named);
    }
    name_from(t, before_verb)
}

/// The speaker named before the opening mark in the same sentence: `Zelensky said “…”`,
/// `X told Politico: “…”`, `according to X, “…”`, `He added: “…”`.
fn speaker_before(t: &Chars, open: usize, last_named: &Option<String>) -> Option<String> {
    let mut words = t.words_before(open, 12);
    words.reverse();
    if let Some(acc) = words
        .iter()
        .position(|w| word(t, *w).eq_ignore_ascii_case("according"))
    {
        return name_from(t, &words[acc + 1..]);
    }
    let verb = words.iter().rposition(|w| is_verb(t, *w))?;
    let before = &words[..verb];
    if before
        .last()
        .is_some_and(|w| PRONOUNS.contains(&word(t, *w).as_str()))
    {
        return resolve_pronoun(t, open, last_named);
    }
    name_from(t, before)
}

/// Who `he`/`she` means for a quote opening at `open`: the nearest full name before
/// it, else the last speaker, else the nearest single name in the two sentences before.
fn resolve_pronoun(t: &Chars, open: usize, last_named: &Option<String>) -> Option<String> {
    named_before(t, open, 600, 2)
        .or_else(|| last_named.clone())
        .or_else(|| named_before(t, open, 200, 1))
}

/// The nearest name before `at` (within `window` code points) of at least `min_words`
/// name words, or of one word after a title.
fn named_before(t: &Chars, at: usize, window: usize, min_words: usize) -> Option<String> {
    let from = at.saturating_sub(window);
    let mut i = at;
    while i > from {
        i -= 1;
        if !t.is_word(i) || (i > 0 && t.is_word(i - 1)) {
            continue;
        }
        let Some(w) = t.word_at(i) else { continue };
        if !is_name_word(t, w) || (i > 0 && t.c[i - 1] == '“') {
            continue;
        }
        // A name starts here: take the run, and accept it when it has two words or
        // follows a title.
        let words = t.words_after(i, 4);
        let names: Vec<_> = words
            .iter()
            .copied()
            .take_while(|w| is_name_word(t, *w) || is_particle(t, *w))
            .collect();
        let title = t.words_before(i, 1).first().is_some_and(|p| {
            NOT_NAMES.contains(&word(t, *p).as_str())
                && t.is_capitalized(*p)
                && word(t, *p) != "The"
        });
        if names.len() >= min_words || (names.len() == 1 && title) {
            return name_from(t, &names);
        }
    }
    None
}

fn is_sentence(t: &Chars, range: CharRange) -> bool {
    t.c[range.start.0..range.end.0]
        .iter()
        .any(|c| matches!(c, '.' | '!' | '?' | ';'))
}

/// Where `name` stands in the text nearest to `quote` (outside it), as a whole word:
/// the mention an *attributed to* link points at. Searched within the quote's
/// neighbourhood (a few paragraphs), so a long article costs no more per quote.
fn nearest_mention(t: &Chars, name: &str, quote: CharRange) -> Option<CharRange> {
    const REACH: usize = 2_000;
    let name: Vec<char> = name.chars().collect();
    if name.is_empty() {
        return None;
    }
    let from = quote.start.0.saturating_sub(REACH);
    let to = (quote.end.0 + REACH).min(t.c.len());
    let word = |i: usize| t.c.get(i).is_some_and(|c| c.is_alphanumeric());
    let distance = |at: usize| {
        if at >= quote.end.0 {
            at - quote.end.0
        } else {
            quote.start.0.saturating_sub(at + name.len())
        }
    };
    (from..to.saturating_sub(name.len() - 1))
        .filter(|&at| at + name.len() <= quote.start.0 || at >= quote.end.0)
        .filter(|&at| t.c[at..at + name.len()] == name[..])
        .filter(|&at| (at == 0 || !word(at - 1)) && !word(at + name.len()))
        .min_by_key(|&at| distance(at))
        .map(|at| CharRange::new(at, at + name.len()))
}

/// Quote suggestions with speakers.
pub fn find(t: &Chars) -> Vec<Suggestion> {
    let found = find_marks(t);
    let mut out = Vec::with_capacity(found.len());
    let mut last_named: Option<String> = None;
    // The previous quote's end and speaker, for a quote that continues it.
    let mut previous: Option<(usize, Option<String>)> = None;
    for q in found {
        let ended = t.c[..q.range.end.0]
            .last()
            .is_some_and(|c| matches!(c, '.' | '!' | '?'));
        let after = speaker_after(t, q.open_at, q.close_at, ended, &last_named);
        let short = t.c[q.range.start.0..q.range.end.0]
            .iter()
            .filter(|c| c.is_whitespace())
            .count()
            < 3
            && !is_sentence(t, q.range);
        let continues = previous
            .as_ref()
            .filter(|(end, _)| !t.c[*end..q.open_at].contains(&'\n'))
            .and_then(|(_, s)| s.clone());
        let speaker = after
            .clone()
            .or_else(|| speaker_before(t, q.open_at, &last_named))
            .or(continues);
        previous = Some((q.close_at, speaker.clone()));
        if let Some(name) = &speaker {
            last_named = Some(name.clone());
        }
        // A short quoted term is someone's words only when attributed right after it;
        // otherwise it is most likely scare quotes or a title.
        let (confidence, rule) = match (short, after.is_some(), speaker.is_some()) {
            (true, false, _) => (0.3, "short quoted term (likely scare quotes)"),
            (_, _, true) => (0.9, "quotation marks + attribution"),
            (_, _, false) => (0.7, "quotation marks"),
        };
        let mut attributes = Attributes::new();
        let speaker_at = speaker
            .as_deref()
            .and_then(|name| nearest_mention(t, name, q.range));
        if let Some(name) = speaker {
            attributes.insert("speaker".to_owned(), name);
        }
        out.push(Suggestion {
            label: "quote".to_owned(),
            range: q.range,
            attributes,
            confidence,
            rule,
            speaker_at,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, Option<String>, f32)> {
        let t = Chars::new(text);
        find(&t)
            .into_iter()
            .map(|s| {
                (
                    t.string(s.range.start.0, s.range.end.0),
                    s.attributes.get("speaker").cloned(),
                    s.confidence,
                )
            })
            .collect()
    }

    #[test]
    fn marks_attributions_and_speakers() {
        let q = quotes(
            "“We will win,” Zelensky said. \"They lost,\" said Sergei Lavrov, \"and they know it.\"",
        );
        assert_eq!(q[0], ("We will win".into(), Some("Zelensky".into()), 0.9));
        assert_eq!(q[1].0, "They lost");
        assert_eq!(q[1].1.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(q[2].0, "and they know it.");
    }

    #[test]
    fn apostrophes_are_not_marks_and_scare_quotes_are_unsure() {
        let q = quotes(
            "Ukraine’s leader said the so-called ‘guarantees’ didn’t work. It's \"lasting\" peace.",
        );
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q.iter().all(|(_, _, c)| *c < 0.5), "{q:?}");
    }

    #[test]
    fn dash_attributed_pull_quotes_and_pronouns() {
        let q = quotes(
            "\"Nobody should choose between the bus and lunch\"\n— Anna Berger, mayor\n\nBerger spoke first. \"We are ready,\" she said.",
        );
        assert_eq!(q[0].1.as_deref(), Some("Anna Berger"));
        assert_eq!(q[1].1.as_deref(), Some("Anna Berger"));
    }

    #[test]
    fn a_pronoun_means_someone_named_before_the_quote_not_in_it() {
        let q = quotes("Trump spoke. \"We will find out about President Putin soon,\" he said.");
        assert_eq!(q[0].1.as_deref(), Some("Trump"));
    }

    #[test]
    fn before_the_quote_and_over_paragraphs() {
        let q = quotes(
            "Jonas Weber told Politico: «Each job costs too much.» According to Maria Lindqvist, “premiums tripled.”\n\n“The first paragraph goes on\n\n“and ends here.”",
        );
        assert_eq!(q[0].1.as_deref(), Some("Jonas Weber"));
        assert_eq!(q[1].1.as_deref(), Some("Maria Lindqvist"));
        assert_eq!(q[2].0, "The first paragraph goes on");
        assert_eq!(q[3].0, "and ends here.");
    }
}
