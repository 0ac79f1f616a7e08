//! Tests of figure values: a table of written forms and what they read as (or that they
//! are not read), the canonical form read back, and the reader on arbitrary text.

use super::Kind::{Count, Date, Duration, Money, Other, Percent};
use super::*;
use proptest::prelude::*;

type Expected = Option<(&'static str, Option<&'static str>, &'static str, Kind)>;

/// Written form → (amount, high, unit, kind), or `None` for "not read".
const FORMS: &[(&str, Expected)] = &[
    // The examples.
    ("$90 billion", Some(("90000000000", None, "USD", Money))),
    ("450million", Some(("450000000", None, "", Count))),
    ("fifteen years", Some(("15", None, "year", Duration))),
    ("270 drones", Some(("270", None, "drone", Count))),
    ("80%", Some(("80", None, "percent", Percent))),
    ("40,000 people", Some(("40000", None, "person", Count))),
    ("31 to 24", Some(("31", Some("24"), "", Count))),
    // Separators, English and European.
    ("40,000", Some(("40000", None, "", Count))),
    ("1,000,000", Some(("1000000", None, "", Count))),
    ("1.000.000", Some(("1000000", None, "", Count))),
    ("1,234.56", Some(("1234.56", None, "", Count))),
    ("1.234,56", Some(("1234.56", None, "", Count))),
    ("1,5 million", Some(("1500000", None, "", Count))),
    ("1.5 million", Some(("1500000", None, "", Count))),
    ("3.5%", Some(("3.5", None, "percent", Percent))),
    ("3,5 %", Some(("3.5", None, "percent", Percent))),
    ("0,500", Some(("0.5", None, "", Count))),
    ("0.1", Some(("0.1", None, "", Count))),
    (".5", Some(("0.5", None, "", Count))),
    ("1234,5", Some(("1234.5", None, "", Count))),
    ("1.500", None),
    ("€1.500", None),
    ("1.500 million", Some(("1500000", None, "", Count))),
    ("3.125%", Some(("3.125", None, "percent", Percent))),
    ("1,500", Some(("1500", None, "", Count))),
    ("1,500 million", Some(("1500000000", None, "", Count))),
    ("40\u{a0}000 people", Some(("40000", None, "person", Count))),
    ("1,00,000", None),
    ("1,000 000", None),
    ("20 000 troops", None),
    ("5,000,00", None),
    ("12,34,5", None),
    // Currencies before and after, signs and codes.
    ("US$90bn", Some(("90000000000", None, "USD", Money))),
    ("€20", Some(("20", None, "EUR", Money))),
    ("£3.2m", Some(("3200000", None, "GBP", Money))),
    ("¥500", Some(("500", None, "JPY", Money))),
    ("₴1,200", Some(("1200", None, "UAH", Money))),
    ("₽ 40 billion", Some(("40000000000", None, "RUB", Money))),
    ("USD 5 million", Some(("5000000", None, "USD", Money))),
    ("90 billion USD", Some(("90000000000", None, "USD", Money))),
    ("5 million euros", Some(("5000000", None, "EUR", Money))),
    ("300 dollars", Some(("300", None, "USD", Money))),
    ("20 pounds", Some(("20", None, "GBP", Money))),
    ("20 pounds sterling", Some(("20", None, "GBP", Money))),
    (
        "2 billion hryvnias",
        Some(("2000000000", None, "UAH", Money)),
    ),
    ("1.2bn EUR", Some(("1200000000", None, "EUR", Money))),
    ("$5 million dollars", Some(("5000000", None, "USD", Money))),
    ("$5 euros", None),
    ("$5 tickets", None),
    ("A$30", Some(("30", None, "AUD", Money))),
    ("-$5", Some(("-5", None, "USD", Money))),
    ("$-5", Some(("-5", None, "USD", Money))),
    // Scale words.
    ("5k", Some(("5000", None, "", Count))),
    ("7.5 mln", Some(("7500000", None, "", Count))),
    ("3 mn", Some(("3000000", None, "", Count))),
    ("1.1tn", Some(("1100000000000", None, "", Count))),
    ("2 trillion", Some(("2000000000000", None, "", Count))),
    ("3 thousand", Some(("3000", None, "", Count))),
    ("5 hundred", Some(("500", None, "", Count))),
    ("5 thousands", None),
    // Number words.
    ("forty thousand", Some(("40000", None, "", Count))),
    ("two hundred and seventy", Some(("270", None, "", Count))),
    ("twenty-five", Some(("25", None, "", Count))),
    ("twenty five soldiers", Some(("25", None, "soldier", Count))),
    ("one and a half million", Some(("1500000", None, "", Count))),
    ("half a million", Some(("500000", None, "", Count))),
    ("a million people", Some(("1000000", None, "person", Count))),
    ("a hundred", Some(("100", None, "", Count))),
    ("a dozen", Some(("12", None, "", Count))),
    ("half a dozen eggs", Some(("6", None, "egg", Count))),
    ("two dozen", Some(("24", None, "", Count))),
    (
        "three million five hundred thousand",
        Some(("3500000", None, "", Count)),
    ),
    ("one thousand and five", Some(("1005", None, "", Count))),
    (
        "two hundred and seventy thousand",
        Some(("270000", None, "", Count)),
    ),
    ("nine billion", Some(("9000000000", None, "", Count))),
    (
        "two and a half years",
        Some(("2.5", None, "year", Duration)),
    ),
    ("zero", Some(("0", None, "", Count))),
    ("eighty per cent", Some(("80", None, "percent", Percent))),
    (
        "between one hundred and two hundred",
        Some(("100", Some("200"), "", Count)),
    ),
    ("seventy-seven drones", Some(("77", None, "drone", Count))),
    (
        "half a billion dollars",
        Some(("500000000", None, "USD", Money)),
    ),
    ("two thousand and nineteen", Some(("2019", None, "", Count))),
    ("five five", None),
    ("thousand", None),
    ("one two", None),
    // Percentages.
    ("80 percent", Some(("80", None, "percent", Percent))),
    ("80 per cent", Some(("80", None, "percent", Percent))),
    (
        "2.5 percentage points",
        Some(("2.5", None, "percentage point", Percent)),
    ),
    ("25%-40%", Some(("25", Some("40"), "percent", Percent))),
    // Durations.
    ("3 months", Some(("3", None, "month", Duration))),
    ("a decade", Some(("1", None, "decade", Duration))),
    ("an hour", Some(("1", None, "hour", Duration))),
    ("a drone", None),
    ("two decades", Some(("2", None, "decade", Duration))),
    ("48 hours", Some(("48", None, "hour", Duration))),
    ("10 days", Some(("10", None, "day", Duration))),
    ("six weeks", Some(("6", None, "week", Duration))),
    ("90 minutes", Some(("90", None, "minute", Duration))),
    ("72 years old", Some(("72", None, "year", Duration))),
    ("three centuries", Some(("3", None, "century", Duration))),
    // Counts and singulars.
    ("5 children", Some(("5", None, "child", Count))),
    ("12 women", Some(("12", None, "woman", Count))),
    ("two policemen", Some(("2", None, "policeman", Count))),
    ("14 cities", Some(("14", None, "city", Count))),
    ("3 buses", Some(("3", None, "bus", Count))),
    ("8 boxes", Some(("8", None, "box", Count))),
    ("4 churches", Some(("4", None, "church", Count))),
    ("1,200 cases", Some(("1200", None, "case", Count))),
    ("30 houses", Some(("30", None, "house", Count))),
    ("two crises", Some(("2", None, "crisis", Count))),
    ("650 MPs", Some(("650", None, "MP", Count))),
    ("16 HIMARS", Some(("16", None, "HIMARS", Count))),
    ("72", Some(("72", None, "", Count))),
    ("40,000 people died", None),
    // Ranges.
    ("25-40 years", Some(("25", Some("40"), "year", Duration))),
    (
        "between 3 and 4 million",
        Some(("3000000", Some("4000000"), "", Count)),
    ),
    (
        "between three and four million people",
        Some(("3000000", Some("4000000"), "person", Count)),
    ),
    (
        "$3-4 billion",
        Some(("3000000000", Some("4000000000"), "USD", Money)),
    ),
    (
        "€3bn-€4bn",
        Some(("3000000000", Some("4000000000"), "EUR", Money)),
    ),
    ("from 10 to 20 km", Some(("10", Some("20"), "km", Other))),
    (
        "500,000 to 1 million",
        Some(("500000", Some("1000000"), "", Count)),
    ),
    ("900 to 1 million", None),
    ("31 to 24 million", None),
    ("2 hours to 3 days", None),
    ("-5 to -3", Some(("-5", Some("-3"), "", Count))),
    ("between 3 and", None),
    ("from 3", None),
    // Years.
    ("2019", Some(("2019", None, "year", Date))),
    ("2019-2020", Some(("2019", Some("2020"), "year", Date))),
    ("2019 to 2021", Some(("2019", Some("2021"), "year", Date))),
    ("2019-20", None),
    ("1500", Some(("1500", None, "", Count))),
    ("2,019", Some(("2019", None, "", Count))),
    ("2019 (count)", Some(("2019", None, "", Count))),
    ("2019 people", Some(("2019", None, "person", Count))),
    // Negatives and temperatures.
    ("-12", Some(("-12", None, "", Count))),
    ("−12", Some(("-12", None, "", Count))),
    ("minus 5°C", Some(("-5", None, "°C", Other))),
    ("-5 °C", Some(("-5", None, "°C", Other))),
    ("40 degrees Celsius", Some(("40", None, "°C", Other))),
    ("100°F", Some(("100", None, "°F", Other))),
    ("5km", Some(("5", None, "km", Other))),
    ("120 kilometres", Some(("120", None, "km", Other))),
    ("5°", None),
    // Never guessed.
    ("dozens", None),
    ("a few", None),
    ("several hundred", None),
    ("thousands", None),
    ("tens of thousands", None),
    ("hundreds of people", None),
    ("fifth", None),
    ("2nd", None),
    ("21st", None),
    ("G7", None),
    ("about 5", None),
    ("more than 40,000", None),
    ("40-odd", None),
    ("40+", None),
    ("5drones", None),
    ("1990s", None),
    ("7 May", None),
    ("5pm", None),
    ("three times", None),
    ("", None),
    ("   ", None),
    ("asdf", None),
    ("12 (banana)", None),
    ("1/2", None),
    ("5 x", None),
    ("3,", None),
    ("5 and", None),
];

fn expected(
    amount: &str,
    high: Option<&str>,
    unit: &str,
    kind: Kind,
) -> Result<FigureValue, String> {
    let parse = |text: &str| Amount::parse_plain(text).ok_or(format!("bad amount {text}"));
    Ok(FigureValue {
        amount: parse(amount)?,
        high: high.map(parse).transpose()?,
        unit: unit.to_string(),
        kind,
    })
}

#[test]
fn reads_each_written_form_as_expected() {
    let mut failures = Vec::new();
    for (text, want) in FORMS {
        let want = match want {
            Some((amount, high, unit, kind)) => match expected(amount, *high, unit, *kind) {
                Ok(value) => Some(value),
                Err(error) => panic!("{text:?}: {error}"),
            },
            None => None,
        };
        let got = read(text);
        if got != want {
            failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(FORMS.len() >= 60, "{} forms", FORMS.len());
}

#[test]
fn every_form_read_formats_to_a_text_read_back_the_same() {
    for (text, _) in FORMS {
        if let Some(value) = read(text) {
            assert_eq!(read(&format(&value)), Some(value.clone()), "{text:?}");
        }
    }
}

#[test]
fn canonical_and_display_forms() {
    let cases = [
        (
            "$90 billion",
            "90000000000 USD",
            "90,000,000,000 USD (money)",
        ),
        ("31 to 24", "31 to 24", "31 to 24 (count)"),
        ("2019", "2019", "2019 (date)"),
        ("2,019", "2019 (count)", "2,019 (count)"),
        ("fifteen years", "15 year", "15 year (duration)"),
        ("minus 5°C", "-5 °C", "-5 °C (other)"),
        ("1,234.5", "1234.5", "1,234.5 (count)"),
        ("1.125 million", "1125000", "1,125,000 (count)"),
        ("1.125%", "1.1250 percent", "1.125 percent (percent)"),
        ("0.125%", "0.125 percent", "0.125 percent (percent)"),
    ];
    for (text, canonical, for_people) in cases {
        let Some(value) = read(text) else {
            panic!("{text:?} not read");
        };
        assert_eq!(format(&value), canonical, "{text:?}");
        assert_eq!(display(&value), for_people, "{text:?}");
    }
}

#[test]
fn kinds_are_the_figure_labels_kinds() {
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, crate::model::schema::FIGURE_KINDS);
    for kind in Kind::ALL {
        assert_eq!(Kind::from_name(kind.name()), Some(kind));
    }
}

#[test]
fn units_as_typed() {
    assert_eq!(read_unit("drones"), Some(("drone".into(), Count)));
    assert_eq!(read_unit("%"), Some(("percent".into(), Percent)));
    assert_eq!(read_unit("euros"), Some(("EUR".into(), Money)));
    assert_eq!(read_unit("years"), Some(("year".into(), Duration)));
    assert_eq!(read_unit("°C"), Some(("°C".into(), Other)));
    assert_eq!(read_unit("two words"), None);
}

#[test]
fn amounts_are_exact_and_ordered() {
    let tenth = Amount::parse_plain("0.1");
    assert_eq!(tenth, Amount::new(1, 1));
    assert_eq!(Amount::new(1500, 3), Amount::parse_plain("1.5"));
    assert!(Amount::from_int(2) > Amount::new(15, 1).unwrap_or(Amount::ZERO));
    assert!(Amount::from_int(-2) < Amount::from_int(i128::MAX));
    assert!(Amount::new(i128::MAX, 28) < Some(Amount::from_int(i128::MAX)));
    assert_eq!(Amount::parse_plain("1."), None);
    assert_eq!(Amount::parse_plain("-"), None);
}

#[test]
fn singulars_are_fixed_points() {
    for plural in [
        "drones",
        "people",
        "children",
        "women",
        "policemen",
        "cities",
        "buses",
        "boxes",
        "churches",
        "dishes",
        "cases",
        "houses",
        "causes",
        "crises",
        "viruses",
        "classes",
        "lives",
        "movies",
        "series",
        "days",
        "keys",
        "headaches",
        "statuses",
    ] {
        let one = units::singular(plural);
        assert_eq!(units::singular(&one), one, "{plural}");
    }
    assert_eq!(units::singular("viruses"), "virus");
    assert_eq!(units::singular("classes"), "class");
    assert_eq!(units::singular("causes"), "cause");
    assert_eq!(units::singular("headaches"), "headache");
}

/// Units a value may carry in the property tests: every kind of unit [`read`] produces.
const UNITS: &[&str] = &[
    "",
    "USD",
    "EUR",
    "GBP",
    "UAH",
    "RUB",
    "JPY",
    "percent",
    "percentage point",
    "year",
    "month",
    "day",
    "hour",
    "decade",
    "century",
    "drone",
    "person",
    "child",
    "woman",
    "policeman",
    "bus",
    "case",
    "city",
    "crisis",
    "series",
    "MP",
    "HIMARS",
    "°C",
    "°F",
    "km",
    "kg",
    "metre",
    "km/h",
    "degree",
];

fn amounts() -> impl Strategy<Value = Amount> {
    let big = 10i128.pow(30);
    (-big..big, 0u32..=12).prop_map(|(mantissa, scale)| {
        Amount::new(mantissa, scale).unwrap_or(Amount::from_int(mantissa))
    })
}

fn values() -> impl Strategy<Value = FigureValue> {
    let small = (-3000i128..3000).prop_map(Amount::from_int);
    let amount = prop_oneof![amounts(), small];
    (
        amount.clone(),
        proptest::option::of(amount),
        proptest::sample::select(UNITS),
        proptest::sample::select(Kind::ALL.to_vec()),
    )
        .prop_map(|(amount, high, unit, kind)| FigureValue {
            amount,
            high,
            unit: unit.to_string(),
            kind,
        })
}

/// Texts built from the pieces figures are written with.
fn written() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        (0u64..10_000_000).prop_map(|n| n.to_string()),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a}.{b:03}")),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        (0u32..100, 0u32..100).prop_map(|(a, b)| format!("{a},{b}")),
        proptest::sample::select(vec![
            "fifteen",
            "forty thousand",
            "two hundred and seventy",
            "a dozen",
            "half a million",
            "one and a half million",
            "twenty-five",
        ])
        .prop_map(str::to_string),
    ];
    let before = proptest::sample::select(vec!["", "$", "€", "£", "-", "minus ", "US$", "USD "]);
    let scale = proptest::sample::select(vec!["", " million", "bn", "k", " thousand", "m"]);
    let after = proptest::sample::select(vec![
        "",
        "%",
        " percent",
        " years",
        " drones",
        " people",
        " euros",
        " °C",
        " km",
        " cases",
        " per cent",
    ]);
    let joint = proptest::sample::select(vec![" to ", "-", "–"]);
    (
        before,
        number.clone(),
        scale.clone(),
        proptest::option::of((joint, number, scale)),
        after,
    )
        .prop_map(|(before, low, low_scale, high, after)| {
            let high = high.map_or(String::new(), |(joint, n, s)| format!("{joint}{n}{s}"));
            format!("{before}{low}{low_scale}{high}{after}")
        })
}

proptest! {
    #[test]
    fn a_value_formatted_reads_back_as_itself(value in values()) {
        let text = format(&value);
        prop_assert_eq!(read(&text), Some(value), "{}", text);
    }

    #[test]
    fn whatever_is_read_formats_to_a_text_read_back_the_same(text in written()) {
        if let Some(value) = read(&text) {
            let canonical = format(&value);
            prop_assert_eq!(read(&canonical), Some(value), "{} → {}", text, canonical);
        }
    }

    #[test]
    fn reading_never_panics(text in any::<String>()) {
        let _ = read(&text);
        let _ = read_unit(&text);
    }

    #[test]
    fn reading_figure_like_noise_never_panics(text in "[0-9a-z.,%$€ ()\\-–]{0,30}") {
        let _ = read(&text);
    }
}
