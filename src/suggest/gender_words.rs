//! Words that say a person's gender: titles (`Mr`, `Frau`, `Madame`), nouns (`wife`,
//! `spokeswoman`) and pronouns. A lexicon with no logic of its own, below
//! [`super::gender`] (which weighs an article's evidence) and [`super::names`].

use super::text::WordMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Titles before a name that say its gender (they are titles, never part of a name).
pub(super) static GENDER_TITLES: WordMap<Gender> = WordMap::new(&[
    ("Mr", Gender::Male),
    ("Sir", Gender::Male),
    ("Lord", Gender::Male),
    ("Herr", Gender::Male),
    ("Monsieur", Gender::Male),
    ("Señor", Gender::Male),
    ("Signor", Gender::Male),
    ("Senhor", Gender::Male),
    ("Mrs", Gender::Female),
    ("Ms", Gender::Female),
    ("Miss", Gender::Female),
    ("Lady", Gender::Female),
    ("Dame", Gender::Female),
    ("Madame", Gender::Female),
    ("Mme", Gender::Female),
    ("Frau", Gender::Female),
    ("Señora", Gender::Female),
    ("Signora", Gender::Female),
    ("Senhora", Gender::Female),
]);

/// Nouns for a person of one gender: kin, and roles in `-man`/`-woman`.
pub(super) static GENDER_NOUNS: WordMap<Gender> = WordMap::new(&[
    ("husband", Gender::Male),
    ("son", Gender::Male),
    ("father", Gender::Male),
    ("brother", Gender::Male),
    ("grandfather", Gender::Male),
    ("grandson", Gender::Male),
    ("uncle", Gender::Male),
    ("nephew", Gender::Male),
    ("widower", Gender::Male),
    ("boyfriend", Gender::Male),
    ("spokesman", Gender::Male),
    ("chairman", Gender::Male),
    ("businessman", Gender::Male),
    ("congressman", Gender::Male),
    ("councilman", Gender::Male),
    ("policeman", Gender::Male),
    ("fisherman", Gender::Male),
    ("actor", Gender::Male),
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("boy", Gender::Male),
    ("man", Gender::Male),
    ("gentleman", Gender::Male),
    ("stepfather", Gender::Male),
    ("fiancé", Gender::Male),
    ("father-in-law", Gender::Male),
    ("brother-in-law", Gender::Male),
    ("son-in-law", Gender::Male),
    ("wife", Gender::Female),
    ("daughter", Gender::Female),
    ("mother", Gender::Female),
    ("sister", Gender::Female),
    ("grandmother", Gender::Female),
    ("granddaughter", Gender::Female),
    ("aunt", Gender::Female),
    ("niece", Gender::Female),
    ("widow", Gender::Female),
    ("girlfriend", Gender::Female),
    ("spokeswoman", Gender::Female),
    ("chairwoman", Gender::Female),
    ("businesswoman", Gender::Female),
    ("congresswoman", Gender::Female),
    ("councilwoman", Gender::Female),
    ("policewoman", Gender::Female),
    ("actress", Gender::Female),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("girl", Gender::Female),
    ("woman", Gender::Female),
    ("lady", Gender::Female),
    ("stepmother", Gender::Female),
    ("fiancée", Gender::Female),
    ("mother-in-law", Gender::Female),
    ("sister-in-law", Gender::Female),
    ("daughter-in-law", Gender::Female),
]);

pub(super) fn title_gender(word: &str) -> Option<Gender> {
    GENDER_TITLES.get(word)
}

pub(super) fn noun_gender(word: &str) -> Option<Gender> {
    GENDER_NOUNS.get(word)
}

/// The pronouns that say a gender.
pub(super) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}
