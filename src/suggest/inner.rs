//! Whose words a quote inside a quote is. The outer quote's speaker says them, but they
//! are often somebody else's: `"My father used to say, 'Never lend a boat'," she said`,
//! `"He [Kälin] came in and said, 'The pumps are better'"`, `"Someone always asks,
//! 'Was it the weather?'"`. When a reporting verb just before the inner quote's mark
//! has a subject other than `I` or `we`, that subject is the speaker: a name (its
//! fullest form), a relative the article named (`my father` → the person introduced as
//! her father), or nobody named (`someone`, `she`) — never the outer quote's speaker.

use super::attribution::{Attribution, Context, Tok, is_verb};
use super::gender::{Gender, noun_gender, pronoun_gender};
use super::lexicon::ROLES;

/// The rule of an inner quote given to the person the outer quote says said it.
const NAMED: &str = "quote inside a quote, by the person the quote names";
/// … or to the person a pronoun there means.
const PRONOUN: &str = "quote inside a quote, by the person a pronoun there means";
/// … or to the outer speaker's relative the article names.
const RELATIVE: &str = "quote inside a quote, by the speaker's relative";
/// … or to the outer quote's speaker (`I said to him, '…'`).
const OWN: &str = "quote inside a quote, by the speaker's own earlier words";
/// … or to nobody, when the quote does not name them.
const SOMEONE: &str = "quote inside a quote, said by someone unnamed";

/// Forms of `say`, `ask` and `tell` the verb list leaves out.
const SAYING: &[&str] = &[
    "say",
    "says",
    "saying",
    "ask",
    "asks",
    "asking",
    "tell",
    "tells",
    "telling",
    "repeat",
    "repeats",
    "repeating",
    "shout",
    "shouted",
    "shouting",
    "write",
    "writes",
];

/// Subjects that name nobody (`someone asks`, `people say`, `a man shouted`).
const INDEFINITE: &[&str] = &[
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "people",
    "nobody",
    "a",
    "an",
    "one",
];

/// What a family calls its members, and the noun an article introduces them with.
const KIN: &[(&str, &str)] = &[
    ("mum", "mother"),
    ("mom", "mother"),
    ("mama", "mother"),
    ("dad", "father"),
    ("papa", "father"),
    ("gran", "grandmother"),
    ("granny", "grandmother"),
    ("grandma", "grandmother"),
    ("grandad", "grandfather"),
    ("grandpa", "grandfather"),
];

/// Words that may stand between the verb and the mark (`told me, '…'`, `said to us:`).
const BETWEEN: &[&str] = &[
    "me", "us", "to", "them", "him", "her", "that", "again", "once",
];

/// The attribution of the inner quote opened at `open`, when somebody other than the
/// outer quote's speaker is said to say it; `None` when the rules around the quote
/// decide (no reporting verb, or `I said`).
pub(super) fn reported(cx: &Context, open: usize, outer: &[String]) -> Option<Attribution> {
    let toks = cx.clause_before(open);
    let words: Vec<(usize, usize)> = toks.iter().rev().map_while(Tok::word).collect();
    // The clause may end at the comma before the mark: look past one break.
    let words = if words.is_empty() {
        let after_break: Vec<(usize, usize)> =
            toks.iter().rev().skip(1).map_while(Tok::word).collect();
        after_break
    } else {
        words
    };
    let lower = |w: &(usize, usize)| cx.t.string(w.0, w.1).to_lowercase();
    // words are nearest first.
    let verb = words.iter().take(4).position(|w| {
        let word = lower(w);
        is_verb(&word) || SAYING.contains(&word.as_str())
    })?;
    // `said to the board, '…'`: whom it was said to stands between.
    let addressed = verb > 0 && lower(&words[verb - 1]) == "to";
    if !addressed
        && words[..verb]
            .iter()
            .any(|w| !BETWEEN.contains(&lower(w).as_str()))
    {
        return None;
    }
    // `Please do not say "…"`: a mention, not words said.
    let negated = |w: &(usize, usize)| {
        let word = lower(w);
        matches!(word.as_str(), "not" | "never" | "nobody") || word.ends_with("n't")
    };
    if words.iter().skip(verb + 1).take(3).any(negated) {
        return None;
    }
    for (k, w) in words.iter().enumerate().skip(verb + 1).take(10) {
        let word = lower(w);
        // `I said to him, '…'`: the outer quote's speaker's own words.
        if word == "i" && !outer.is_empty() {
            return Some(Attribution {
                speakers: outer.to_vec(),
                rule: OWN,
                confidence: 0.7,
            });
        }
        if matches!(word.as_str(), "i" | "we") {
            return None;
        }
        if INDEFINITE.contains(&word.as_str()) {
            return Some(someone());
        }
        // `Mum said, '…'`: the mother the article named.
        if let Some(&(_, noun)) = KIN.iter().find(|(k, _)| *k == word) {
            return Some(relative(cx, noun, open, outer));
        }
        if let Some(run) = cx.names.run_at(w.0).filter(|r| r.start == w.0)
            && (run.words >= 2 || cx.names.is_known_person(&run.text))
        {
            return Some(named(cx.names.fullest(&run.text)));
        }
        if matches!(word.as_str(), "he" | "she" | "they") {
            // `He [Kälin] said`: the name in brackets.
            let bracketed = words[..k]
                .iter()
                .next_back()
                .filter(|n| cx.t.get(n.0.wrapping_sub(1)) == Some('['))
                .and_then(|n| cx.names.run_at(n.0))
                .map(|r| cx.names.fullest(&r.text));
            if let Some(name) = bracketed {
                return Some(named(name));
            }
            return Some(pronoun(cx, w.0, &word, outer).unwrap_or_else(someone));
        }
        if let Some(before) = words.get(k + 1)
            && matches!(
                lower(before).as_str(),
                "my" | "his" | "her" | "our" | "their" | "the"
            )
            && super::sentences::person_noun(&word)
        {
            return Some(noun_phrase(cx, &lower(before), &word, open, outer));
        }
    }
    // A subject the rules around the quote read better (`the council says '…'`).
    None
}

/// `my father`, `the minister` saying the inner quote at `open`: the relative or the
/// person with that role the article names (before the quote or, for a role, after
/// it), else somebody unnamed.
fn noun_phrase(cx: &Context, det: &str, noun: &str, open: usize, outer: &[String]) -> Attribution {
    let noun = noun.trim_end_matches('s');
    if det == "the" {
        return cx
            .description(noun, open)
            .map_or_else(someone, |(name, _)| named(name));
    }
    if noun_gender(noun).is_some() {
        return relative(cx, noun, open, outer);
    }
    cx.described_before(noun, open).map_or_else(someone, named)
}

/// The outer speaker's relative called `noun` (`mother`): the person the article
/// introduced so, else the one other person sharing the speaker's surname whose
/// gender fits (`Kenta Okabe: "My mother said, '…'"` is Fumiko Okabe), else nobody
/// named.
fn relative(cx: &Context, noun: &str, open: usize, outer: &[String]) -> Attribution {
    if let Some(name) = cx.described_before(noun, open) {
        return named(name);
    }
    let want = noun_gender(noun);
    let Some(surname) = outer
        .first()
        .and_then(|o| o.rsplit_once(' '))
        .map(|(_, s)| s.to_owned())
    else {
        return someone();
    };
    let mut kin: Vec<String> = cx
        .names
        .before(open, 3_000)
        .chain(cx.names.after(open, 1_500))
        .filter(|r| r.is_full_person())
        .map(|r| cx.names.fullest(&r.text))
        .filter(|n| {
            !outer.contains(n)
                && n.ends_with(&format!(" {surname}"))
                && cx
                    .genders
                    .of(n)
                    .is_none_or(|(g, _)| want.is_none_or(|w| w == g))
        })
        .collect();
    kin.sort();
    kin.dedup();
    // Those the article says are of the relative's gender first (`Our mother` among
    // two brothers and their mother).
    let sure: Vec<String> = kin
        .iter()
        .filter(|n| want.is_some() && cx.genders.of(n).map(|(g, _)| g) == want)
        .cloned()
        .collect();
    if !sure.is_empty() {
        kin = sure;
    }
    match &kin[..] {
        [one] => Attribution {
            speakers: vec![one.clone()],
            rule: RELATIVE,
            confidence: 0.6,
        },
        _ => someone(),
    }
}

/// `he` or `she` inside a quote by `outer`: the person named last before it whose
/// gender fits, who is not the quote's own speaker (`"My brother rang. He said, '…'"`),
/// unless a relative or a role nearer the pronoun is what it means (`"My wife woke me.
/// She said, '…'"`, `"When I asked the minister, she told me '…'"`).
fn pronoun(cx: &Context, at: usize, word: &str, outer: &[String]) -> Option<Attribution> {
    let want = pronoun_gender(word)?;
    if let Some(a) = nearer_noun(cx, at, want, outer) {
        return Some(a);
    }
    let run = cx
        .names
        .before(at, 1_500)
        .filter(|r| r.words >= 2 || cx.names.is_known_person(&r.text))
        .filter(|r| !r.is_org() && !r.not_person)
        .find(|r| {
            let name = cx.names.fullest(&r.text);
            !outer.contains(&name) && cx.genders.of(&name).is_none_or(|(g, _)| g == want)
        })?;
    Some(Attribution {
        speakers: vec![cx.names.fullest(&run.text)],
        rule: PRONOUN,
        confidence: 0.6,
    })
}

/// A noun phrase for a person of gender `want` (`my wife`, `his own mother`, `the
/// minister`) between the pronoun at `at` and the last person named before it.
fn nearer_noun(cx: &Context, at: usize, want: Gender, outer: &[String]) -> Option<Attribution> {
    let t = cx.t;
    let from = at.saturating_sub(300);
    let mut words = Vec::new();
    let mut i = at;
    while i > from {
        if t.is_word(i - 1) {
            let mut s = i - 1;
            while s > from && t.is_word(s - 1) {
                s -= 1;
            }
            words.push((s, i));
            i = s;
        } else {
            i -= 1;
        }
    }
    for (k, &w) in words.iter().enumerate() {
        if let Some(run) = cx.names.run_at(w.0)
            && (run.words >= 2 || cx.names.is_known_person(&run.text))
            && !outer.contains(&cx.names.fullest(&run.text))
        {
            return None;
        }
        let noun = t.lower(w.0, w.1);
        let det = words[k + 1..]
            .iter()
            .map(|d| t.lower(d.0, d.1))
            .find(|d| d != "own")?;
        let fits = match noun_gender(&noun) {
            Some(g) => g == want,
            // A role only in the quote's own words (`When I asked the minister, she
            // told me '…'`): outside it the article may name several.
            None => det == "the" && ROLES.contains(&noun.as_ref()) && cx.in_top_quote(w.0),
        };
        if fits && matches!(det.as_ref(), "my" | "his" | "her" | "our" | "their" | "the") {
            return Some(noun_phrase(cx, &det, &noun, at, outer));
        }
    }
    None
}

fn named(name: String) -> Attribution {
    Attribution {
        speakers: vec![name],
        rule: NAMED,
        confidence: 0.7,
    }
}

fn someone() -> Attribution {
    Attribution {
        speakers: Vec::new(),
        rule: SOMEONE,
        confidence: 0.6,
    }
}

#[cfg(test)]
mod tests {
    use crate::suggest::attribution_tests::{quotes, speaker};

    /// The speaker of the quote `words` (which must be found).
    fn speaker_of(text: &str, words: &str) -> Option<String> {
        let q = quotes(text);
        assert!(
            q.iter().any(|(w, ..)| w == words),
            "no quote {words:?} in {q:?}"
        );
        speaker(&q, words).map(str::to_owned)
    }

    #[test]
    fn words_a_named_person_said_inside_a_quote_are_theirs() {
        let text = "Lotta Hermansson ran the ferry for years. Her successor, Bo Lind, \
                    remembers her well. \u{201c}Lotta once told me, \u{2018}Never sail \
                    angry,\u{2019} and I never have,\u{201d} Lind said.\n";
        assert_eq!(
            speaker_of(text, "Never sail angry"),
            Some("Lotta Hermansson".to_owned())
        );
        assert_eq!(
            speaker_of(
                text,
                "Lotta once told me, \u{2018}Never sail angry,\u{2019} and I never have"
            ),
            Some("Bo Lind".to_owned())
        );
    }

    #[test]
    fn words_someone_unnamed_said_are_nobody_s_not_the_outer_speaker_s() {
        let text = "Researcher Dana Okoro presented the figures. \u{201c}Every year someone \
                    asks, \u{2018}Was it the weather?\u{2019} and every year it was not,\u{201d} \
                    Okoro said.\n";
        assert_eq!(speaker_of(text, "Was it the weather?"), None);
    }

    #[test]
    fn mum_is_the_mother_the_article_named() {
        let text = "David Marsh runs the cinema his mother, Eleanor Marsh, bought in 1979. \
                    \u{201c}Dad wanted to close. Mum said, \u{2018}Over my dead body\u{2019}, \
                    and that was that,\u{201d} he recalls.\n";
        assert_eq!(
            speaker_of(text, "Over my dead body"),
            Some("Eleanor Marsh".to_owned())
        );
    }

    #[test]
    fn words_i_said_inside_my_quote_stay_mine() {
        let text = "\u{201c}I said, \u{2018}We will open on Monday,\u{2019} and we did,\u{201d} \
                    baker Ruth Adeyemi said.\n";
        assert_eq!(
            speaker_of(text, "We will open on Monday"),
            Some("Ruth Adeyemi".to_owned())
        );
    }

    #[test]
    fn words_i_said_to_someone_inside_my_quote_are_mine() {
        let text = "The clerk, Vesna Brkić, 41, was acquitted. \u{201e}I said to him, \
                    \u{201a}These bills are not repairs\u{2018}, and he laughed\u{201c}, \
                    Brkić told the court.\n";
        assert_eq!(
            speaker_of(text, "These bills are not repairs"),
            Some("Vesna Brkić".to_owned())
        );
    }

    #[test]
    fn words_after_an_inner_quote_stay_inside_the_outer_one() {
        // `and I had no answer," Rozman said` is the outer quote's attribution: the boy
        // is unnamed. `I said to the board, "…"` is the speaker's own.
        let text = "Goran Vidić travelled with his son. \u{201c}My boy asked me, \
                    \u{2018}Are we staying up here?\u{2019} and I had no answer,\u{201d} \
                    Vidić said. \u{2018}I said to the board, \u{201c}We cannot pay \
                    this\u{201d}, and I was outvoted,\u{2019} Vidić said.\n";
        assert_eq!(speaker_of(text, "Are we staying up here?"), None);
        assert_eq!(
            speaker_of(text, "We cannot pay this"),
            Some("Goran Vidić".to_owned())
        );
    }

    #[test]
    fn my_mother_is_the_relative_sharing_the_speaker_s_surname() {
        // Named only after the quote, and no `mother` beside her name before it.
        let text = "Ruben Alcaraz scored twice. \"Our mother told us, 'Play for each \
                    other.' We did,\" said Ruben Alcaraz. His brother, Teo Alcaraz, \
                    scored once. Their mother, Pilar Alcaraz, watched from the stand.\n";
        assert_eq!(
            speaker_of(text, "Play for each other."),
            Some("Pilar Alcaraz".to_owned())
        );
    }

    #[test]
    fn a_pronoun_after_a_relative_or_a_role_in_the_quote_means_them() {
        // `She` is the minister the speaker asked, not the last woman named.
        let text = "Union leader Hana Kowal met Rosa Ilic on Monday. The finance \
                    minister, Klara Venn, has defended the charge. \u{201c}When I asked \
                    the minister about pensioners, she told me \u{2018}the tariff covers \
                    them\u{2019}. It does not,\u{201d} Kowal said.\n";
        assert_eq!(
            speaker_of(text, "the tariff covers them"),
            Some("Klara Venn".to_owned())
        );
        // `She` is his mother, whom the article does not name.
        let text = "Teodora Balan left on Friday. Marco Gatti said his own mother had \
                    refused to leave. \u{201c}She kept telling me \u{2018}the hill warns \
                    you twice\u{2019},\u{201d} he said.\n";
        assert_eq!(speaker_of(text, "the hill warns you twice"), None);
    }

    #[test]
    fn the_minister_inside_a_quote_is_the_minister_named_after_it() {
        let text = "Cllr Aine Nolan posted: \u{201c}As the minister himself said, \
                    \u{2018}Kerrow is building again.\u{2019}\u{201d} Housing Minister \
                    Colm Daly had used those words in May.\n";
        assert_eq!(
            speaker_of(text, "Kerrow is building again."),
            Some("Colm Daly".to_owned())
        );
    }

    #[test]
    fn a_relative_the_article_named_is_the_speaker_of_their_words() {
        let text = "Marta Quist took over the bakery from her father, Olof Quist, in 1990. \
                    \u{201c}My father said \u{2018}bread does not wait\u{2019}, and it \
                    doesn't,\u{201d} she says.\n";
        assert_eq!(
            speaker_of(text, "bread does not wait"),
            Some("Olof Quist".to_owned())
        );
    }
}
