//! The words and signs that follow or precede a number: scale words (`million`, `bn`,
//! `k`), currencies (signs, ISO codes, names), percent, durations, measures, and the
//! one counted word, made singular with simple English rules. Each table maps what is
//! written to the canonical unit a value stores, and every canonical unit maps to itself.

use super::Kind;

/// The power of ten a scale word multiplies by (`million` → 6). Short scale: a billion
/// is 10^9, as in English-language news.
pub(super) fn scale_power(word: &str) -> Option<u32> {
    let power = match word.to_lowercase().as_str() {
        "hundred" => 2,
        "thousand" | "k" => 3,
        "million" | "m" | "mn" | "mln" | "mio" => 6,
        "billion" | "bn" | "b" | "bln" => 9,
        "trillion" | "tn" | "trn" => 12,
        _ => return None,
    };
    Some(power)
}

/// The same, for number words written out (`forty thousand`): full words only.
pub(super) fn spoken_scale_power(word: &str) -> Option<u32> {
    match word {
        "thousand" => Some(3),
        "million" => Some(6),
        "billion" => Some(9),
        "trillion" => Some(12),
        _ => None,
    }
}

/// ISO 4217 codes read as currencies; written in capitals only (`rub`, `cad` are words).
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "UAH", "RUB", "PLN", "INR", "CAD", "AUD", "HKD",
    "NZD",
];

pub(super) fn currency_code(written: &str) -> Option<&'static str> {
    if written == "RMB" {
        return Some("CNY");
    }
    CURRENCY_CODES.iter().copied().find(|code| *code == written)
}

/// A currency sign. `$` alone is the US dollar and `¥` the yen (the yuan is written
/// `yuan`, `CNY` or `RMB` in English-language news).
pub(super) fn currency_sign(sign: char) -> Option<&'static str> {
    match sign {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' => Some("JPY"),
        '₴' => Some("UAH"),
        '₽' => Some("RUB"),
        '₹' => Some("INR"),
        _ => None,
    }
}

/// The letters before `$` that name another dollar: `US$`, `A$`, `C$`, `HK$`, `NZ$`.
pub(super) fn dollar_prefix(written: &str) -> Option<&'static str> {
    match written {
        "US" => Some("USD"),
        "A" | "AU" => Some("AUD"),
        "C" | "CA" => Some("CAD"),
        "HK" => Some("HKD"),
        "NZ" => Some("NZD"),
        _ => None,
    }
}

/// A currency's name, singular or plural (`dollars` is the US dollar).
pub(super) fn currency_word(word: &str) -> Option<&'static str> {
    let code = match word {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" => "GBP",
        "hryvnia" | "hryvnias" | "hryvnya" | "hryvnyas" => "UAH",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "zloty" | "zlotys" | "zlotych" => "PLN",
        "rupee" | "rupees" => "INR",
        _ => return None,
    };
    Some(code)
}

/// A unit of time, singular.
pub(super) fn duration(word: &str) -> Option<&'static str> {
    let unit = match word {
        "second" | "seconds" => "second",
        "minute" | "minutes" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    };
    Some(unit)
}

/// A unit of measure (kind `other`), as its canonical name.
pub(super) fn measure(word: &str) -> Option<&'static str> {
    let unit = match word {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "mile" | "miles" => "mile",
        "tonne" | "tonnes" => "tonne",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "hectare" | "hectares" => "hectare",
        "km/h" | "kph" => "km/h",
        "mph" => "mph",
        "degree" | "degrees" => "degree",
        _ => return None,
    };
    Some(unit)
}

/// The kind a canonical unit implies; a counted word (any other unit) is kind count.
pub(super) fn kind_of_unit(unit: &str) -> Kind {
    if currency_code(unit).is_some() {
        Kind::Money
    } else if unit == "percent" || unit == "percentage point" {
        Kind::Percent
    } else if duration(unit).is_some() {
        Kind::Duration
    } else if measure(unit).is_some() || unit == "°C" || unit == "°F" {
        Kind::Other
    } else {
        Kind::Count
    }
}

/// Words that can follow a number but are not what it counts: hedges, joints of a
/// range, number words, vague plurals, multipliers, times of day and months (`7 May`
/// is a date of the month, not a figure). A figure followed by one of these is not read.
const NOT_COUNTED: &[&str] = &[
    "a",
    "about",
    "almost",
    "an",
    "and",
    "around",
    "at",
    "between",
    "by",
    "each",
    "fewer",
    "for",
    "from",
    "in",
    "just",
    "least",
    "less",
    "more",
    "most",
    "nearly",
    "odd",
    "of",
    "on",
    "only",
    "or",
    "over",
    "per",
    "plus",
    "roughly",
    "some",
    "than",
    "the",
    "to",
    "under",
    "up",
    "nd",
    "rd",
    "st",
    "th",
    "zero",
    "one",
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
    "trillion",
    "dozen",
    "half",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "tens",
    "scores",
    "minus",
    "times",
    "am",
    "pm",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Singular and plural written the same, or plurals no simple rule undoes.
const IRREGULAR: &[(&str, &str)] = &[
    ("people", "person"),
    ("persons", "person"),
    ("children", "child"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("halves", "half"),
    ("wolves", "wolf"),
    ("leaves", "leaf"),
    ("thieves", "thief"),
    ("shelves", "shelf"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("indices", "index"),
    ("series", "series"),
    ("species", "species"),
    ("news", "news"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("calories", "calorie"),
    ("rookies", "rookie"),
    ("selfies", "selfie"),
    ("zombies", "zombie"),
    ("ties", "tie"),
    ("lies", "lie"),
    ("pies", "pie"),
];

/// The counted word made singular: `drones` → `drone`, `people` → `person`,
/// `policemen` → `policeman`, `cities` → `city`, `buses` → `bus`, `cases` → `case`.
/// A word in capitals is an acronym and kept (`HIMARS`); `MPs` → `MP`. `None` when the
/// word is not one a count may have (a hedge, a number word, too short).
pub(super) fn counted(written: &str) -> Option<String> {
    if written.chars().count() < 2 || !written.chars().all(char::is_alphabetic) {
        return None;
    }
    let lower = written.to_lowercase();
    if NOT_COUNTED.contains(&lower.as_str()) {
        return None;
    }
    let no_lowercase = |s: &str| !s.chars().any(char::is_lowercase);
    if no_lowercase(written) {
        return Some(written.to_string());
    }
    if let Some(stem) = written.strip_suffix('s')
        && no_lowercase(stem)
    {
        return Some(stem.to_string());
    }
    // A capital first letter alone is the start of a sentence, not an acronym; other
    // capitals (`iPhones`) make a name, kept as written.
    if !written.chars().skip(1).all(char::is_lowercase) {
        return Some(written.to_string());
    }
    Some(singular(&lower))
}

/// English plural → singular with the rules of [`counted`]; a singular is returned as is.
pub(super) fn singular(word: &str) -> String {
    if let Some((_, one)) = IRREGULAR.iter().find(|(many, _)| *many == word) {
        return (*one).to_string();
    }
    if let Some(stem) = word.strip_suffix("children") {
        return format!("{stem}child");
    }
    if let Some(stem) = word.strip_suffix("men") {
        return format!("{stem}man");
    }
    let keep = word.chars().count() <= 3
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is");
    if keep {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("ouses") || word.ends_with("auses") || word.ends_with("aches") {
        return word[..word.len() - 1].to_string();
    }
    for ending in ["sses", "uses", "xes", "ches", "shes", "zzes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) => stem.to_string(),
        None => word.to_string(),
    }
}
