//! The exact decimal number a figure value holds: an integer mantissa and a count of
//! decimal places, always kept in lowest terms so that equal numbers compare equal
//! field by field. Owns the arithmetic reading needs (products, sums, powers of ten),
//! ordering, and the plain text form `-1234.5` that the canonical value text is built from.

use std::cmp::Ordering;
use std::fmt;

/// The most decimal places an amount keeps; more is refused rather than rounded.
pub const MAX_SCALE: u32 = 28;

/// An exact decimal: `mantissa / 10^scale`, with no trailing zero in the mantissa when
/// `scale > 0` (so 1.50 is stored as 15 and scale 1, and `==` is numeric equality).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Amount {
    mantissa: i128,
    scale: u32,
}

impl Amount {
    pub const ZERO: Amount = Amount {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa / 10^scale` in lowest terms; `None` when `scale > MAX_SCALE`.
    pub fn new(mantissa: i128, scale: u32) -> Option<Amount> {
        if scale > MAX_SCALE {
            return None;
        }
        let (mut mantissa, mut scale) = (mantissa, scale);
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Some(Amount { mantissa, scale })
    }

    /// A whole number.
    pub const fn from_int(value: i128) -> Amount {
        Amount {
            mantissa: value,
            scale: 0,
        }
    }

    /// The digits, as an integer (1.5 → 15).
    pub fn mantissa(self) -> i128 {
        self.mantissa
    }

    /// How many of the mantissa's digits are decimal places (1.5 → 1).
    pub fn scale(self) -> u32 {
        self.scale
    }

    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    pub fn is_negative(self) -> bool {
        self.mantissa < 0
    }

    /// The whole number, when the amount is one.
    pub fn as_integer(self) -> Option<i128> {
        self.is_integer().then_some(self.mantissa)
    }

    /// The nearest `f64`: for charts and rough comparison only, never for storage.
    pub fn to_f64(self) -> f64 {
        // Casts are the point here: an approximation for display.
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }

    pub fn checked_neg(self) -> Option<Amount> {
        Some(Amount {
            mantissa: self.mantissa.checked_neg()?,
            scale: self.scale,
        })
    }

    pub fn abs(self) -> Option<Amount> {
        if self.is_negative() {
            self.checked_neg()
        } else {
            Some(self)
        }
    }

    pub fn checked_mul(self, other: Amount) -> Option<Amount> {
        Amount::new(
            self.mantissa.checked_mul(other.mantissa)?,
            self.scale.checked_add(other.scale)?,
        )
    }

    pub fn checked_add(self, other: Amount) -> Option<Amount> {
        let scale = self.scale.max(other.scale);
        let left = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let right = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Amount::new(left.checked_add(right)?, scale)
    }

    /// The amount times `10^power` (a scale word: million is power 6).
    pub fn checked_mul_pow10(self, power: u32) -> Option<Amount> {
        if power <= self.scale {
            Amount::new(self.mantissa, self.scale - power)
        } else {
            let factor = 10i128.checked_pow(power - self.scale)?;
            Amount::new(self.mantissa.checked_mul(factor)?, 0)
        }
    }

    /// Sign, whole part and decimal places as digit strings: -1234.05 → (true, "1234", "05").
    pub(crate) fn parts(self) -> (bool, String, String) {
        let magnitude = self.mantissa.unsigned_abs();
        // scale ≤ MAX_SCALE, and 10^28 fits a u128.
        let divisor = 10u128.pow(self.scale);
        let whole = (magnitude / divisor).to_string();
        let fraction = if self.scale == 0 {
            String::new()
        } else {
            format!(
                "{:0width$}",
                magnitude % divisor,
                width = self.scale as usize
            )
        };
        (self.mantissa < 0, whole, fraction)
    }

    /// Reads the plain form [`Amount`]'s `Display` writes: an optional `-`, digits, and
    /// optionally `.` and more digits (`-1234.5`, `0.25`, `90000000000`).
    pub fn parse_plain(text: &str) -> Option<Amount> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = match digits.split_once('.') {
            Some((whole, fraction)) if !fraction.is_empty() => (whole, fraction),
            Some(_) => return None,
            None => (digits, ""),
        };
        if whole.is_empty() {
            return None;
        }
        let mut mantissa: i128 = 0;
        for c in whole.chars().chain(fraction.chars()) {
            let digit = c.to_digit(10)?;
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(digit))?;
        }
        if negative {
            mantissa = mantissa.checked_neg()?;
        }
        Amount::new(mantissa, u32::try_from(fraction.len()).ok()?)
    }
}

impl Ord for Amount {
    fn cmp(&self, other: &Amount) -> Ordering {
        // Bring both to the larger scale; a mantissa that overflows doing so is larger in
        // magnitude than any i128, so its sign decides.
        let scale = self.scale.max(other.scale);
        let widen = |a: Amount| {
            10i128
                .checked_pow(scale - a.scale)
                .and_then(|factor| a.mantissa.checked_mul(factor))
        };
        match (widen(*self), widen(*other)) {
            (Some(left), Some(right)) => left.cmp(&right),
            (None, _) if self.mantissa > 0 => Ordering::Greater,
            (None, _) => Ordering::Less,
            (_, None) if other.mantissa > 0 => Ordering::Less,
            (_, None) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Amount {
    fn partial_cmp(&self, other: &Amount) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The plain form: `-1234.5`; no thousands separators.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (negative, whole, fraction) = self.parts();
        let sign = if negative { "-" } else { "" };
        if fraction.is_empty() {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{fraction}")
        }
    }
}
