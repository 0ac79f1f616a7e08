//! One-word names that are a person's (someone the article names by one name only):
//! after a noun for a person (`café owner Zoë`, `his wife, Yumi,`), a title (`Reader Thuy`) or `her name
//! was`, or with a noun for a person in apposition (`Poppy, Eleanor Marsh’s
//! granddaughter,`).

use super::{Run, is_title};
use crate::suggest::sentences::person_noun;
use crate::suggest::text::Chars;

/// Does the text say the one-word run `r` is a person's name?
pub(super) fn is_person(t: &Chars, r: &Run) -> bool {
    let Some(w) = t.word_before(r.start) else {
        return false;
    };
    // `Her name was Aparecida.`, `a nurse named Rosa`, `gave his name only as
    // Petar`.
    let before = t.word_before(w.0).map(|n| t.str(n.0, n.1));
    let named = match t.str(w.0, w.1) {
        "named" => true,
        "is" | "was" => before == Some("name"),
        "as" => matches!(before, Some("name" | "only")),
        _ => false,
    };
    // `Reader Thuy`, `Coach Ramos`: a title before one name.
    let titled = t.is_capitalized(w) && is_title(t.str(w.0, w.1));
    // `Poppy, Eleanor Marsh’s granddaughter,`, `Halima, a nurse,`: a noun for
    // a person in apposition.
    let described = t.str(r.end, (r.end + 2).min(t.len())) == ", "
        && t.words_after(r.end + 2, 3)
            .iter()
            .any(|a| t.c[a.0].is_lowercase() && person_noun(&t.lower(a.0, a.1)))
        && t.words_after(r.end + 2, 2)
            .iter()
            .enumerate()
            .any(|(n, a)| {
                let word = t.str(a.0, a.1);
                (n == 0 && matches!(word, "a" | "an" | "the" | "his" | "her" | "their"))
                    || word.ends_with("’s")
                    || word.ends_with("'s")
            });
    // `café owner Zoë`; `His wife, Yumi, was less calm` (a possessive before the
    // noun, which a place or a thing would not have).
    let after_noun = !t.is_capitalized(w) && person_noun(&t.lower(w.0, w.1));
    let possessed = || {
        t.word_before(w.0).is_some_and(|d| {
            matches!(
                t.lower(d.0, d.1).as_ref(),
                "his" | "her" | "their" | "my" | "our"
            )
        })
    };
    let before_noun = (t.c[w.1..r.start] == [' '] && (named || after_noun))
        || (t.c[w.1..r.start] == [',', ' '] && after_noun && possessed());
    before_noun || titled || described
}
