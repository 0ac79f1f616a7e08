//! One test per case of issue 18, each on text written for the test (no gold file).

use super::quotes::find;
use super::text::Chars;

/// (quoted text, speaker, confidence, rule) per quote.
fn quotes(text: &str) -> Vec<(String, Option<String>, f32, &'static str)> {
    let t = Chars::new(text);
    find(&t)
        .into_iter()
        .map(|s| {
            let quote = t.string(s.range.start.0, s.range.end.0);
            (
                quote,
                s.attributes.get("speaker").cloned(),
                s.confidence,
                s.rule,
            )
        })
        .collect()
}

fn speaker<'a>(
    q: &'a [(String, Option<String>, f32, &'static str)],
    text: &str,
) -> Option<&'a str> {
    q.iter()
        .find(|(t, ..)| t == text)
        .and_then(|(_, s, ..)| s.as_deref())
}

#[test]
fn a_speaker_list_gives_every_person() {
    let q = quotes(
        "“The canal will silt up within a decade,” cautioned Ilse Marten, Rafael Onu, and Pia Dorn from the harbour trust.",
    );
    assert_eq!(
        speaker(&q, "The canal will silt up within a decade"),
        Some("Ilse Marten; Rafael Onu; Pia Dorn")
    );
    assert_eq!(q[0].3, "speaker list");
    let q = quotes("\"Bridges age faster than budgets,\" wrote Ilse Marten and Rafael Onu.");
    assert_eq!(q[0].1.as_deref(), Some("Ilse Marten; Rafael Onu"));
}

#[test]
fn pronouns_resolve_to_the_nearest_person_named() {
    let q = quotes(
        "Harbour master Colm Prady inspected the quay on Friday. “The timber is rotten,” he said. He called it “a disgrace for a port this size”.",
    );
    assert_eq!(speaker(&q, "The timber is rotten"), Some("Colm Prady"));
    assert_eq!(
        speaker(&q, "a disgrace for a port this size"),
        Some("Colm Prady")
    );
    assert!(q[0].3.starts_with("pronoun"), "{q:?}");
}

#[test]
fn descriptions_resolve_to_the_person_with_that_role() {
    let q = quotes(
        "Transport Minister Odile Farr opened the bridge. Emeric Sallow, chief executive of the ferry firm Tidewell, was not invited.\n\nLater the minister said the bridge was “paid for twice”. The chief executive insisted that ferries were “still the faster way across”.",
    );
    assert_eq!(speaker(&q, "paid for twice"), Some("Odile Farr"));
    assert_eq!(
        speaker(&q, "still the faster way across"),
        Some("Emeric Sallow")
    );
}

#[test]
fn partial_quotes_after_reporting_verbs_in_both_orders() {
    for verb in [
        "emphasized that",
        "insisted",
        "warned",
        "argued",
        "wrote",
        "stressed",
        "noted",
        "claimed",
    ] {
        let text = format!(
            "The auditor Wenna Holt {verb} the accounts were “a work of fiction”. “We found three ledgers,” Holt {verb}."
        );
        let q = quotes(&text);
        assert_eq!(
            speaker(&q, "a work of fiction"),
            Some("Wenna Holt"),
            "{verb}: {q:?}"
        );
        assert!(q[0].2 >= 0.8, "{verb}: {q:?}");
    }
    let q = quotes(
        "\"We found three ledgers,\" added Wenna Holt. Holt told the board: \"One was blank.\"",
    );
    assert_eq!(q[0].1.as_deref(), Some("Wenna Holt"));
    assert_eq!(q[1].1.as_deref(), Some("Wenna Holt"));
}

#[test]
fn continuation_over_paragraphs_and_colons() {
    let q = quotes(
        "Nurse Tamsin Oyelaran runs the night shift. Her verdict was short: \"We are three people short every night.\n\n\"Nobody has noticed yet.\"\n\nBeds were closed in May.\n\nThe union leader, Kofi Brandt, spoke next. He told the meeting:\n\n\"We will strike in June.\"",
    );
    assert_eq!(
        speaker(&q, "We are three people short every night."),
        Some("Tamsin Oyelaran")
    );
    assert_eq!(
        speaker(&q, "Nobody has noticed yet."),
        Some("Tamsin Oyelaran")
    );
    assert_eq!(q[1].3, "quote continued over paragraphs");
    assert_eq!(speaker(&q, "We will strike in June."), Some("Kofi Brandt"));
}

#[test]
fn a_quote_paragraph_after_an_attributed_quote_keeps_its_speaker() {
    let q = quotes(
        "\"The lock gates are from 1890,\" said engineer Hester Vane.\n\n\"They were built for barges, not for container ships.\"",
    );
    assert_eq!(q[1].1.as_deref(), Some("Hester Vane"));
    assert_eq!(q[1].3, "quote paragraph after a quote by the same speaker");
    assert!(q[1].2 < 0.8, "{q:?}");
}

#[test]
fn a_bare_surname_becomes_the_full_name_introduced_earlier() {
    let q = quotes(
        "Councillor Marisol Teague chaired the hearing. Later, Teague said: \"The budget is gone.\"",
    );
    assert_eq!(q[0].1.as_deref(), Some("Marisol Teague"));
}

#[test]
fn attributed_fragments_are_quotes_and_scare_quotes_are_not() {
    let q = quotes(
        "The agency calls the levee its \"first line of defense\", though engineer Pol Sarin called it \"a sandcastle\". Locals speak of the so-called \"water tax\" and the \"Iron Dyke\".",
    );
    assert_eq!(speaker(&q, "a sandcastle"), Some("Pol Sarin"));
    let confidence = |text: &str| q.iter().find(|(t, ..)| t == text).map(|(_, _, c, _)| *c);
    assert!(
        confidence("a sandcastle").is_some_and(|c| c >= 0.8),
        "{q:?}"
    );
    assert!(confidence("water tax").is_some_and(|c| c < 0.5), "{q:?}");
    assert!(confidence("Iron Dyke").is_some_and(|c| c < 0.5), "{q:?}");
}

#[test]
fn guillemets_pair_the_right_way_round() {
    let q = quotes(
        "« Le fleuve décide », a warned Anouk Perrin, in « Eaux Vives ». « Nous suivons », she said.",
    );
    let texts: Vec<&str> = q.iter().map(|(t, ..)| t.as_str()).collect();
    assert_eq!(texts, ["Le fleuve décide", "Eaux Vives", "Nous suivons"]);
}

#[test]
fn first_person_in_an_interview_answer_is_the_person_answering() {
    let q = quotes(
        "Radio Nord: Did the council listen?\n\nEdda Lindqvist: My neighbour kept saying « wait and see ». I told him « the water does not wait ».",
    );
    assert_eq!(
        speaker(&q, "the water does not wait"),
        Some("Edda Lindqvist")
    );
}

#[test]
fn a_quote_inside_a_quote_gets_its_own_speaker() {
    let q = quotes(
        "\"When the Fenwick Water Board says 'be patient', it means nothing,\" said farmer Ada Roe.",
    );
    assert_eq!(speaker(&q, "be patient"), Some("Fenwick Water Board"));
    assert!(q[0].1.as_deref() == Some("Ada Roe"), "{q:?}");
}
