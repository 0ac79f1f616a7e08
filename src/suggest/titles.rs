//! A speaker's name without the title or role written in front of it: `Cllr Ottley`
//! is Graham Ottley, `Co-author Pekka Rautio` is Pekka Rautio (the name runs of
//! `names` keep a capitalised word before a name when it opens a sentence), and a
//! speaker that is only such a word (`Residents said …`) is nobody named.

use super::attribution::{Attribution, Context};
use super::names::is_title;
use super::org_words::is_org_word;
use super::sentences::person_noun;

/// Titles and roles that the title list and the person nouns do not hold:
/// abbreviations and compounds.
const ABBREVIATED: &[&str] = &[
    "Cllr",
    "Cllr.",
    "Coun.",
    "Supt",
    "Supt.",
    "Insp.",
    "Sgt",
    "Sgt.",
    "Co-author",
    "Co-authors",
    "Co-founder",
    "Co-chair",
    "Co-director",
    "Co-owner",
    "Co-leader",
    "Vice-chair",
    "Vice-president",
    "Vice-chancellor",
];

/// The rule of a quote whose speaker turned out to be a role with no name.
const UNNAMED: &str = "a person the article does not name";

/// The highest confidence a quote whose speaker is nobody named keeps.
const UNNAMED_AT_MOST: f32 = 0.75;

/// How many of `words` at the front are titles or role words (`Cllr`, `Co-author`).
fn leading_titles(words: &[&str]) -> usize {
    words
        .iter()
        .take_while(|w| {
            let lower = w.to_lowercase();
            let tail = lower.rsplit('-').next().unwrap_or(&lower);
            is_title(w) || ABBREVIATED.contains(w) || person_noun(&lower) || person_noun(tail)
        })
        .count()
}

/// `name` without leading titles and role words, in the fullest form the article
/// uses (itself without them); `None` when nothing but those words is left.
fn untitled(cx: &Context, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    match leading_titles(&words) {
        // `Herder Nils-Ánde Guttorm` where the article also writes `herders`: a
        // common noun opening a sentence before a full name.
        0 if words.len() >= 3
            && !words.iter().any(|w| is_org_word(w) || *w == "of")
            && words.last().is_some_and(|w| cx.names.is_known_person(w))
            && common_noun(cx, words[0]) =>
        {
            Some(words[1..].join(" "))
        }
        0 => Some(name.to_owned()),
        n if n == words.len() => None,
        // `General Assembly`: a title opening an organisation's name is part of it.
        n if !words[n..].iter().any(|w| cx.names.is_known_person(w)) => Some(name.to_owned()),
        n => {
            let full = cx.names.fullest(&words[n..].join(" "));
            let words: Vec<&str> = full.split(' ').collect();
            let n = leading_titles(&words).min(words.len() - 1);
            Some(words[n..].join(" "))
        }
    }
}

/// Does `word` (capitalised) stand in the text in lower case too, alone or plural?
fn common_noun(cx: &Context, word: &str) -> bool {
    if let Some(&seen) = cx.lower_case_seen.borrow().get(word) {
        return seen;
    }
    let seen = seen_in_lower_case(cx, word);
    cx.lower_case_seen
        .borrow_mut()
        .insert(word.to_owned(), seen);
    seen
}

fn seen_in_lower_case(cx: &Context, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word || lower.chars().count() < 4 {
        return false;
    }
    let text = cx.t.str(0, cx.t.len());
    [
        format!(" {lower} "),
        format!(" {lower}s"),
        format!(" {lower},"),
        format!(" {lower}."),
    ]
    .iter()
    .any(|form| {
        text.match_indices(form.as_str()).any(|(i, _)| {
            // A whole word: what follows the form is no letter.
            !text[i + form.len()..].starts_with(char::is_alphabetic) || form.ends_with(' ')
        })
    })
}

/// The attribution with each speaker's title taken off.
pub(super) fn untitle(cx: &Context, mut a: Attribution) -> Attribution {
    if a.speakers.is_empty() {
        return a;
    }
    let speakers: Vec<String> = a.speakers.iter().filter_map(|s| untitled(cx, s)).collect();
    if speakers.is_empty() {
        a.rule = UNNAMED;
        a.confidence = a.confidence.min(UNNAMED_AT_MOST);
    }
    a.speakers = speakers;
    a
}

#[cfg(test)]
mod tests {
    use crate::suggest::suggest;

    fn speakers(text: &str) -> Vec<Option<String>> {
        suggest(text, &["quote"])
            .into_iter()
            .map(|s| s.attributes.get("speaker").cloned())
            .collect()
    }

    #[test]
    fn a_title_or_role_in_front_of_a_name_is_not_the_speaker_s_name() {
        let text = "Co-author Pekka Rautio, a statistician, said the result held. \u{201c}It \
                    held every year,\u{201d} Rautio said.\n\nCllr Graham Ottley spoke next. \
                    \u{201c}We pay too much for that route,\u{201d} said Cllr Ottley.\n";
        assert_eq!(
            speakers(text),
            [
                Some("Pekka Rautio".to_owned()),
                Some("Graham Ottley".to_owned())
            ]
        );
    }

    #[test]
    fn a_role_alone_is_nobody_named() {
        let text = "Residents said the village was \u{201c}cut off from the world\u{201d} \
                    since the bus stopped running.\n";
        assert_eq!(speakers(text), [None]);
    }
}
