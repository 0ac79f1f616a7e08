//! Numbers written in words, up to the trillions: `fifteen`, `twenty-five`, `two hundred
//! and seventy`, `forty thousand`, `three million five hundred thousand`, `a million`,
//! `one and a half million`, `half a million`, `a dozen`, `half a dozen`. Vague words
//! (`dozens`, `a few`, `several hundred`, `thousands`) and ordinals are not numbers here.

use super::amount::Amount;
use super::lex::Cursor;
use super::units::{duration, spoken_scale_power};

/// A number read from words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Spoken {
    pub(super) amount: Amount,
    /// For one group and a scale word (`four million`, `one and a half million`): the
    /// group and the scale's power of ten, so a range can share the scale
    /// (`between three and four million`).
    pub(super) scaled: Option<(Amount, u32)>,
}

fn small(word: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
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
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    SMALL
        .iter()
        .position(|w| *w == word)
        .and_then(|n| u32::try_from(n).ok())
}

fn tens(word: &str) -> Option<u32> {
    let value = match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(value)
}

fn is_a(word: Option<String>) -> bool {
    matches!(word.as_deref(), Some("a" | "an"))
}

/// `seven`, `seventeen`, `seventy`, `seventy-seven`, `seventy seven`.
fn below_hundred(cursor: &mut Cursor<'_>) -> Option<u32> {
    let word = cursor.word(0)?;
    if let Some(n) = small(&word) {
        cursor.bump(1);
        return Some(n);
    }
    let ten = tens(&word)?;
    cursor.bump(1);
    let hyphen = matches!(cursor.sym(0), Some('-' | '‑')) && cursor.glued(0) && cursor.glued(1);
    let unit_at = usize::from(hyphen);
    if let Some(unit) = cursor.word(unit_at).and_then(|w| small(&w))
        && (1..=9).contains(&unit)
    {
        cursor.bump(unit_at + 1);
        return Some(ten + unit);
    }
    Some(ten)
}

/// `a hundred`, `two hundred and seventy`, `fifteen hundred`, `forty-two`.
fn below_thousand(cursor: &mut Cursor<'_>) -> Option<u32> {
    let hundreds = if is_a(cursor.word(0)) && cursor.word(1).as_deref() == Some("hundred") {
        cursor.bump(2);
        100
    } else {
        let n = below_hundred(cursor)?;
        if n == 0 || cursor.word(0).as_deref() != Some("hundred") {
            return Some(n);
        }
        cursor.bump(1);
        n * 100
    };
    let mark = cursor.pos;
    cursor.eat_word("and");
    match below_hundred(cursor) {
        // `one hundred and two hundred` is two numbers, not 102 and a stray `hundred`.
        Some(rest) if rest > 0 && cursor.word(0).as_deref() != Some("hundred") => {
            Some(hundreds + rest)
        }
        _ => {
            cursor.pos = mark;
            Some(hundreds)
        }
    }
}

/// One group before a scale word: a number below a thousand, or `a`/`an` before a scale
/// word, `dozen` or a unit of time.
fn group(cursor: &mut Cursor<'_>) -> Option<u32> {
    if is_a(cursor.word(0)) {
        let next = cursor.word(1)?;
        // `a million`, `a dozen`, and `a decade`, `an hour` (one of a unit of time).
        if spoken_scale_power(&next).is_some() || next == "dozen" || duration(&next).is_some() {
            cursor.bump(1);
            return Some(1);
        }
    }
    below_thousand(cursor)
}

fn half() -> Amount {
    Amount::new(5, 1).unwrap_or(Amount::ZERO)
}

/// Reads a number in words from the cursor, or `None` (cursor then anywhere).
pub(super) fn spoken(cursor: &mut Cursor<'_>) -> Option<Spoken> {
    // `half a million`, `half a dozen`.
    if cursor.word(0).as_deref() == Some("half") && is_a(cursor.word(1)) {
        let what = cursor.word(2)?;
        cursor.bump(3);
        if what == "dozen" {
            return Some(Spoken {
                amount: Amount::from_int(6),
                scaled: None,
            });
        }
        let power = spoken_scale_power(&what)?;
        return Some(Spoken {
            amount: half().checked_mul_pow10(power)?,
            scaled: Some((half(), power)),
        });
    }

    let mut total = Amount::ZERO;
    let mut last_power = u32::MAX;
    let mut groups: Vec<(Amount, Option<u32>)> = Vec::new();
    // Where to stop when what follows a scale word is not a further group.
    let mut fallback = cursor.pos;
    loop {
        let Some(n) = group(cursor) else {
            if groups.is_empty() {
                return None;
            }
            cursor.pos = fallback;
            break;
        };
        let mut value = Amount::from_int(i128::from(n));
        // `one and a half million`, `two and a half years`.
        let with_half = cursor.word(0).as_deref() == Some("and")
            && is_a(cursor.word(1))
            && cursor.word(2).as_deref() == Some("half");
        if with_half {
            cursor.bump(3);
            value = value.checked_add(half())?;
        }
        if groups.is_empty() && cursor.eat_word("dozen") {
            return Some(Spoken {
                amount: value.checked_mul(Amount::from_int(12))?,
                scaled: None,
            });
        }
        let next_power = cursor.word(0).and_then(|w| spoken_scale_power(&w));
        match next_power {
            Some(power) if power < last_power => {
                cursor.bump(1);
                total = total.checked_add(value.checked_mul_pow10(power)?)?;
                groups.push((value, Some(power)));
                last_power = power;
                if with_half {
                    break;
                }
                // `one thousand and five`: the `and` is kept only if a group follows.
                fallback = cursor.pos;
                cursor.eat_word("and");
            }
            // `three million and four million`: the second group is another number.
            Some(_) if !groups.is_empty() => {
                cursor.pos = fallback;
                break;
            }
            Some(_) => return None,
            None => {
                if !groups.is_empty() && with_half {
                    return None;
                }
                total = total.checked_add(value)?;
                groups.push((value, None));
                break;
            }
        }
    }
    let scaled = match groups.as_slice() {
        [(group, Some(power))] => Some((*group, *power)),
        _ => None,
    };
    Some(Spoken {
        amount: total,
        scaled,
    })
}
