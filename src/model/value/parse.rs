//! The grammar of a figure: `[between|from] side [(to|-|–|and) side]`, where a side is
//! `[sign] [currency] [sign] number [scale] [unit]`; then the two sides are joined (a
//! scale or unit written once is shared: `between 3 and 4 million`, `25-40 years`,
//! `$3-4bn`) and the kind decided from the unit. Anything left over makes the text
//! unreadable: a figure is read whole or not at all.

use super::amount::Amount;
use super::lex::{Cursor, read_literal};
use super::units::{
    counted, currency_code, currency_sign, currency_word, dollar_prefix, duration, kind_of_unit,
    measure, scale_power,
};
use super::words::spoken;
use super::{FigureValue, Kind};

/// The years a four-digit number alone is read as (`2019` → kind date).
const YEARS: std::ops::RangeInclusive<i128> = 1800..=2099;

/// One end of a figure.
struct Side {
    amount: Amount,
    /// The number before its scale word and that word's power of ten, when the side has
    /// exactly one scale word at its end.
    scaled: Option<(Amount, u32)>,
    unit: Option<String>,
    /// Four digits alone, no sign, scale or unit, in [`YEARS`].
    year: bool,
}

/// Reads `text` (without a trailing `(kind)`); `explicit` is that kind when given.
pub(super) fn figure(text: &str, explicit: Option<Kind>) -> Option<FigureValue> {
    let tokens = super::lex::tokenize(text)?;
    let mut cursor = Cursor::new(&tokens);
    let from = cursor.eat_word("from");
    let between = !from && cursor.eat_word("between");
    let low = side(&mut cursor)?;
    let high = if between {
        if !cursor.eat_word("and") {
            return None;
        }
        Some(side(&mut cursor)?)
    } else if is_range_joint(&cursor) {
        // After `to` a dash is the high end's minus sign (`-5 to -3`).
        let by_word = cursor.eat_word("to");
        if from && !by_word {
            return None;
        }
        if !by_word {
            cursor.bump(1);
        }
        Some(side(&mut cursor)?)
    } else if from {
        return None;
    } else {
        None
    };
    if !cursor.at_end() {
        return None;
    }
    join(low, high, explicit)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑')
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '‑')
}

/// `to` or a dash between the two ends of a range.
fn is_range_joint(cursor: &Cursor<'_>) -> bool {
    cursor.word(0).as_deref() == Some("to") || cursor.sym(0).is_some_and(is_dash)
}

/// Where a side's unit would start there is the end, or the joint of a range.
fn side_ends(cursor: &Cursor<'_>) -> bool {
    cursor.at_end() || is_range_joint(cursor) || cursor.word(0).as_deref() == Some("and")
}

/// `-`, `−`, `minus`: true; `+`: false; and steps over it.
fn sign(cursor: &mut Cursor<'_>) -> Option<bool> {
    let negative = match (cursor.sym(0), cursor.word(0).as_deref()) {
        (Some(c), _) if is_minus(c) => true,
        (Some('+'), _) => false,
        (_, Some("minus")) => true,
        _ => return None,
    };
    cursor.bump(1);
    Some(negative)
}

/// A currency before the number: `$`, `US$`, `€`, `USD `.
fn currency_before(cursor: &mut Cursor<'_>) -> Option<&'static str> {
    if let Some(code) = cursor.sym(0).and_then(currency_sign) {
        cursor.bump(1);
        return Some(code);
    }
    let written = cursor.written(0)?;
    if cursor.sym(1) == Some('$')
        && cursor.glued(1)
        && let Some(code) = dollar_prefix(written)
    {
        cursor.bump(2);
        return Some(code);
    }
    let number_follows = cursor.num(1).is_some() || cursor.sym(1).is_some_and(is_minus);
    match currency_code(written) {
        Some(code) if number_follows => {
            cursor.bump(1);
            Some(code)
        }
        _ => None,
    }
}

fn side(cursor: &mut Cursor<'_>) -> Option<Side> {
    let mut negative = sign(cursor);
    let currency = currency_before(cursor);
    if currency.is_some() && negative.is_none() {
        negative = sign(cursor);
    }
    let negative = negative.unwrap_or(false);

    let (amount, scaled, plain_digits) = if let Some(digits) = cursor.num(0) {
        let literal = read_literal(digits)?;
        cursor.bump(1);
        let power = cursor.written(0).and_then(scale_power);
        if power.is_some() {
            cursor.bump(1);
        }
        let percent_follows = cursor.sym(0) == Some('%')
            || matches!(cursor.word(0).as_deref(), Some("percent" | "per" | "pct"));
        if literal.dot_ambiguous && power.is_none() && !percent_follows {
            return None;
        }
        match power {
            Some(power) => (
                literal.amount.checked_mul_pow10(power)?,
                Some((literal.amount, power)),
                false,
            ),
            None => (literal.amount, None, literal.plain && digits.len() == 4),
        }
    } else {
        let words = spoken(cursor)?;
        (words.amount, words.scaled, false)
    };

    let unit = if side_ends(cursor) {
        None
    } else {
        Some(unit(cursor)?)
    };
    let unit = match (currency, unit) {
        (Some(code), None) => Some(code.to_string()),
        (Some(code), Some(unit)) if unit == code => Some(unit),
        (Some(_), Some(_)) => return None,
        (None, unit) => unit,
    };
    let year = plain_digits
        && !negative
        && unit.is_none()
        && amount.as_integer().is_some_and(|n| YEARS.contains(&n));
    let (amount, scaled) = if negative {
        let scaled = match scaled {
            Some((group, power)) => Some((group.checked_neg()?, power)),
            None => None,
        };
        (amount.checked_neg()?, scaled)
    } else {
        (amount, scaled)
    };
    Some(Side {
        amount,
        scaled,
        unit,
        year,
    })
}

/// The unit after a number: a sign, one or two known words, or the one counted word.
pub(super) fn unit(cursor: &mut Cursor<'_>) -> Option<String> {
    match cursor.sym(0) {
        Some('%') => {
            cursor.bump(1);
            return Some("percent".into());
        }
        Some('°') => {
            let unit = match cursor.word(1).as_deref() {
                Some("c") => "°C",
                Some("f") => "°F",
                _ => return None,
            };
            cursor.bump(2);
            return Some(unit.into());
        }
        _ => {}
    }
    let written = cursor.written(0)?;
    let word = written.to_lowercase();
    let next = cursor.word(1);
    let pair = match (word.as_str(), next.as_deref()) {
        ("per", Some("cent")) => Some("percent"),
        ("percentage", Some("point" | "points")) => Some("percentage point"),
        ("degree" | "degrees", Some("celsius" | "centigrade")) => Some("°C"),
        ("degree" | "degrees", Some("fahrenheit")) => Some("°F"),
        ("year" | "years" | "yr" | "yrs", Some("old")) => Some("year"),
        ("pound" | "pounds", Some("sterling")) => Some("GBP"),
        _ => None,
    };
    if let Some(unit) = pair {
        cursor.bump(2);
        return Some(unit.into());
    }
    let known = match word.as_str() {
        "percent" | "pct" => Some("percent"),
        "pp" => Some("percentage point"),
        _ => currency_code(written)
            .or_else(|| currency_word(&word))
            .or_else(|| duration(&word))
            .or_else(|| measure(&word)),
    };
    if let Some(unit) = known {
        cursor.bump(1);
        return Some(unit.into());
    }
    if cursor.glued(0) {
        return None;
    }
    let unit = counted(written)?;
    cursor.bump(1);
    Some(unit)
}

/// Joins the two ends of a range (sharing a scale or unit written once) and decides the
/// kind.
fn join(low: Side, high: Option<Side>, explicit: Option<Kind>) -> Option<FigureValue> {
    let Some(high) = high else {
        let (unit, kind) = unit_and_kind(low.unit, low.year, None, explicit)?;
        return Some(FigureValue {
            amount: low.amount,
            high: None,
            unit,
            kind,
        });
    };
    let unit = match (low.unit, high.unit) {
        (Some(a), Some(b)) if a != b => return None,
        (a, b) => b.or(a),
    };
    let low_amount = match (low.scaled, high.scaled) {
        // `between 3 and 4 million`: the scale is written once for both.
        (None, Some((high_group, power))) => {
            if low.amount.abs()? <= high_group.abs()? {
                low.amount.checked_mul_pow10(power)?
            } else if low.amount.abs()? >= Amount::from_int(1000) {
                // `500,000 to 1 million`: the low end is whole already.
                low.amount
            } else {
                // `900 to 1 million`, `31 to 24 million`: 900 or 900 million?
                return None;
            }
        }
        _ => low.amount,
    };
    let (unit, kind) = unit_and_kind(unit, low.year, Some(high.year), explicit)?;
    Some(FigureValue {
        amount: low_amount,
        high: Some(high.amount),
        unit,
        kind,
    })
}

fn unit_and_kind(
    unit: Option<String>,
    low_year: bool,
    high_year: Option<bool>,
    explicit: Option<Kind>,
) -> Option<(String, Kind)> {
    if let Some(kind) = explicit {
        return Some((unit.unwrap_or_default(), kind));
    }
    if let Some(unit) = unit {
        let kind = kind_of_unit(&unit);
        return Some((unit, kind));
    }
    match (low_year, high_year) {
        (true, None | Some(true)) => Some(("year".into(), Kind::Date)),
        // `2019-20`: the season, or 2019 to 20? Not read.
        (true, Some(false)) => None,
        _ => Some((String::new(), Kind::Count)),
    }
}
