//! The figure detector on sentences written for each form it reads.

use super::*;

fn figures(text: &str) -> Vec<(String, f32)> {
    let t = Chars::new(text);
    find(&t)
        .into_iter()
        .map(|s| (t.string(s.range.start.0, s.range.end.0), s.confidence))
        .collect()
}

#[test]
fn currency_codes_minus_signs_and_years_that_are_no_range() {
    let f = figures(
        "The fine was CHF 412,000 and BRL 14,000 more. It fell to −18°C. From 2017 to 2021 the toll rose from 9 in 1995 to 47 last year.",
    );
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert!(texts.contains(&"CHF 412,000"), "{texts:?}");
    assert!(texts.contains(&"BRL 14,000"), "{texts:?}");
    assert!(texts.contains(&"−18°C"), "{texts:?}");
    assert!(
        texts.contains(&"2017") && texts.contains(&"2021"),
        "{texts:?}"
    );
    assert!(texts.contains(&"1995"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.contains(" to ")), "{texts:?}");
}

#[test]
fn numbers_with_what_they_count() {
    let f = figures(
        "Russia launched 270 drones and $90 billion, 80% of 40,000 people for fifteen years, 24 hours, 31 to 24, 44°C.",
    );
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "270 drones",
            "$90 billion",
            "80%",
            "40,000 people",
            "fifteen years",
            "24 hours",
            "31 to 24",
            "44°C"
        ]
    );
}

#[test]
fn years_are_dates_and_words_are_not_numbers_inside_words() {
    let t = Chars::new("In 2014 the G7 met; forty thousand attended, someone said.");
    let f = find(&t);
    assert_eq!(
        f[0].attributes.get("kind").map(String::as_str),
        Some("date")
    );
    assert_eq!(
        t.string(f[1].range.start.0, f[1].range.end.0),
        "forty thousand"
    );
    assert_eq!(f.len(), 2);
}

#[test]
fn a_scale_counts_its_noun_unless_it_is_money() {
    let f = figures(
        "It cost 3bn lira, or €4bn in all, for half a million voters; 12% of them live at number 12.",
    );
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["3bn lira", "€4bn", "half a million voters", "12%", "12"]
    );
    assert!(f[4].1 < 0.5, "{f:?}");
}

#[test]
fn spaced_thousands_ages_slash_units_and_ranges_with_their_signs() {
    let f =
        figures("Gusts of 96 km/h hit 2 750 homes; the 47-year-old paid €2 million to €3 million.");
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "96 km/h",
            "2 750 homes",
            "47-year-old",
            "€2 million to €3 million"
        ]
    );
    // From one value to another is two figures.
    let f = figures("Prices rose from 4% to 9% and 12% to €8 billion.");
    let texts: Vec<&str> = f.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["4%", "9%", "12%", "€8 billion"]);
}

#[test]
fn one_and_number_words_alone_but_not_times_or_pronouns() {
    let f = figures(
        "She kept one goat, and four of them ran off. One of us came at nine. In 2021 we planted 30 ourselves; six stayed, ten past seven.",
    );
    let found: Vec<(&str, bool)> = f.iter().map(|(t, c)| (t.as_str(), *c >= 0.5)).collect();
    assert_eq!(
        found,
        [
            ("one goat", true),
            ("four", true),
            ("nine", false),
            ("2021", true),
            ("30", true),
            ("six", true),
            ("ten", false),
            ("seven", false),
        ]
    );
}

#[test]
fn compounds_rand_amounts_times_and_number_word_ranges() {
    let f = figures(
        "She carried a 25-litre can to the 31-seat hall and a nine-metre boat, a one-off. The fund is R14 million and a room costs €2.50 per night. The truck was empty by eleven; the bus leaves at 6.40 in the morning. The vote was six to two. She is not the only one thinking it. The R14 road is shut.",
    );
    let sure: Vec<&str> = f
        .iter()
        .filter(|(_, c)| *c >= 0.5)
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(
        sure,
        [
            "25-litre",
            "31-seat",
            "nine-metre",
            "R14 million",
            "€2.50",
            "six to two"
        ],
        "{f:?}"
    );
}
