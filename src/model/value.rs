//! Figure values: the normalised number, unit and kind of a figure span ("$90 billion" →
//! 90000000000 USD, money), read from the span's text and written back as a canonical
//! text. Owns the value type ([`FigureValue`], with the exact decimal [`Amount`]), the
//! reader ([`read`]: digits in English and European styles, number words, currencies,
//! scale words, percentages, durations, measures, counted words, ranges, years), the
//! canonical form ([`format()`], which [`read`] reads back to the same value) and the form
//! for people ([`display`]). The reader never guesses: a text it cannot read whole, or
//! could read two ways, gives `None`.
//!
//! Decisions on forms that could be read more than one way:
//! - `,` then three digits is a thousands separator (`40,000`, `1,500 million`); `,` then
//!   any other number of digits a decimal point (`1,5 million`, `0,500`).
//! - `.` then three digits (`1.500`) is ambiguous (1.5 in English, 1500 in European
//!   style): read as a decimal before a scale word or percent (`1.500 million`,
//!   `3.125%`), otherwise not read. Several `.` in groups of three (`1.000.000`) and
//!   both separators (`1.234,5`, `1,234.5`) are unambiguous. Digits are grouped by
//!   no-break and thin spaces (`40 000` typeset), not by ordinary spaces (`20 000`).
//! - Four digits alone from 1800 to 2099 are a year: kind date, unit `year`. A range of
//!   two such is a date range; `2019-20` (a year, then what?) is not read.
//! - A scale written once in a range is shared when the low end is no larger than the
//!   high end's number (`between 3 and 4 million`), not when the low end is 1,000 or more
//!   (`500,000 to 1 million`); otherwise (`900 to 1 million`) not read.
//! - `$` alone is the US dollar, `¥` the yen, `dollars` US dollars, `pounds` pounds
//!   sterling, `m` a million (news style; metres are written `metres`), a billion 10^9.
//! - `a dozen` is 12 and `half a dozen` 6; `dozens`, `a few`, `several`, `thousands`,
//!   hedges (`about`, `more than`, `40-odd`, `40+`) and ordinals are not read.
//! - A bare number is a count with no unit; a word after the number other than a known
//!   unit is the one thing counted, made singular (`270 drones` → `drone`); two such
//!   words (`40,000 people died`) are not read.

mod amount;
mod lex;
mod parse;
#[cfg(test)]
mod tests;
mod units;
mod words;

pub use amount::{Amount, MAX_SCALE};

/// What a figure measures: the figure label's `kind` attribute
/// ([`super::schema::FIGURE_KINDS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Count,
    Money,
    Percent,
    Duration,
    Date,
    Other,
}

impl Kind {
    /// In the order of [`super::schema::FIGURE_KINDS`].
    pub const ALL: [Kind; 6] = [
        Kind::Count,
        Kind::Money,
        Kind::Percent,
        Kind::Duration,
        Kind::Date,
        Kind::Other,
    ];

    /// The attribute value: `count`, `money`, `percent`, `duration`, `date`, `other`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// A figure's normalised value: "between 3 and 4 million people" → amount 3000000, high
/// 4000000, unit `person`, kind count.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FigureValue {
    pub amount: Amount,
    /// The other end of a range, as written (`31 to 24` keeps 24 here).
    pub high: Option<Amount>,
    /// An ISO currency code (`USD`), `percent`, `percentage point`, a singular unit of
    /// time (`year`) or measure (`km`, `°C`), the singular counted word (`drone`,
    /// `person`), or empty for a bare number.
    pub unit: String,
    pub kind: Kind,
}

/// The longest text read; a figure span is a few words.
const MAX_TEXT_CHARS: usize = 200;

/// Reads a figure span's text, or `None` when it cannot be read whole and one way only.
/// A trailing `(kind)` (`2019 (count)`), as [`format()`] and [`display`] write it, sets the
/// kind instead of inferring it.
pub fn read(text: &str) -> Option<FigureValue> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_TEXT_CHARS {
        return None;
    }
    let (body, explicit) = match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        Some((body, kind)) => (body.trim_end(), Some(Kind::from_name(kind.trim())?)),
        None => (text, None),
    };
    if body.is_empty() {
        return None;
    }
    parse::figure(body, explicit)
}

/// Reads a unit as an annotator types it (`drones`, `%`, `euros`, `years`) into the
/// canonical unit and the kind it implies (`drone`/count, `percent`/percent,
/// `EUR`/money, `year`/duration).
pub fn read_unit(text: &str) -> Option<(String, Kind)> {
    let tokens = lex::tokenize(text.trim())?;
    let mut cursor = lex::Cursor::new(&tokens);
    let unit = parse::unit(&mut cursor)?;
    if !cursor.at_end() {
        return None;
    }
    let kind = units::kind_of_unit(&unit);
    Some((unit, kind))
}

/// An amount as the canonical form writes it: plain digits and `.`. A fraction of
/// exactly three digits after one to three whole digits gets a fourth, zero, so it is
/// not read as a thousands group (`1.1250`).
fn plain(amount: Amount) -> String {
    let (negative, whole, mut fraction) = amount.parts();
    if fraction.len() == 3 && whole.len() <= 3 && whole != "0" {
        fraction.push('0');
    }
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction}")
    }
}

/// The canonical text of a value: plain digits, ` to ` between the ends of a range, the
/// unit after, and the kind in parentheses only when the rest would be read as another
/// kind: `90000000000 USD`, `31 to 24`, `15 year`, `2019`, `2019 (count)`, `-5 °C`.
/// [`read`] gives back the value for every unit [`read`] or [`read_unit`] produces.
pub fn format(value: &FigureValue) -> String {
    let mut amounts = plain(value.amount);
    if let Some(high) = value.high {
        amounts.push_str(" to ");
        amounts.push_str(&plain(high));
    }
    if value.kind == Kind::Date && value.unit == "year" && read(&amounts).as_ref() == Some(value) {
        return amounts;
    }
    let base = if value.unit.is_empty() {
        amounts
    } else {
        format!("{amounts} {}", value.unit)
    };
    if read(&base).as_ref() == Some(value) {
        return base;
    }
    format!("{base} ({})", value.kind.name())
}

/// An amount for people: thousands separated by `,` (`90,000,000,000`, `-1,234.5`).
fn grouped(amount: Amount) -> String {
    let (negative, whole, fraction) = amount.parts();
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    for (n, digit) in whole.chars().enumerate() {
        if n > 0 && (whole.len() - n) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
    if !fraction.is_empty() {
        text.push('.');
        text.push_str(&fraction);
    }
    text
}

/// A value for people: `90,000,000,000 USD (money)`, `31 to 24 (count)`,
/// `2019 (date)`, `15 year (duration)`.
pub fn display(value: &FigureValue) -> String {
    // Years are written without separators.
    let year_date = value.kind == Kind::Date && value.unit == "year";
    let written = if year_date { plain } else { grouped };
    let mut text = written(value.amount);
    if let Some(high) = value.high {
        text.push_str(" to ");
        text.push_str(&written(high));
    }
    if !value.unit.is_empty() && !year_date {
        text.push(' ');
        text.push_str(&value.unit);
    }
    text.push_str(" (");
    text.push_str(value.kind.name());
    text.push(')');
    text
}
