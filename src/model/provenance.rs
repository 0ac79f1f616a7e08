//! Provenance: who made a span, when (UTC, to the second, `2026-03-01T09:15:00Z`), and
//! how — by hand, by accepting a detector's suggestion (its rule and confidence), by an
//! import (the format), or by adjudication (the coders whose version was taken). Pure
//! data: the time is given by whoever makes a span (the session's clock), never read
//! here. A span of an older file has none (`Option::None` on the span): unknown.

use std::fmt;

/// Who made a span, when and how.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Provenance {
    /// The coder's name.
    pub who: String,
    /// UTC to the second: `YYYY-MM-DDTHH:MM:SSZ` (see [`is_utc_second`]).
    pub when: String,
    pub how: How,
}

/// How a span was made.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum How {
    /// Tagged by hand.
    Manual,
    /// A detector's suggestion, accepted.
    Suggested {
        rule: String,
        confidence: Confidence,
    },
    /// Read from another tool's file (the format's name, as `spanmark import --format`).
    Imported { format: String },
    /// Taken in adjudication from these coders' files.
    Adjudicated { coders: Vec<String> },
}

/// A confidence in 0..=1, kept in thousandths so spans compare exactly and files
/// write it the same way every time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Confidence(u16);

impl Confidence {
    /// `value` clamped to 0..=1 and rounded to thousandths (NaN reads as 0).
    pub fn from_f64(value: f64) -> Self {
        let clamped = if value.is_nan() {
            0.0
        } else {
            value.clamp(0.0, 1.0)
        };
        // In 0..=1000 after the clamp.
        Self((clamped * 1000.0).round() as u16)
    }

    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 1000.0
    }
}

impl fmt::Display for Confidence {
    /// The shortest decimal: `0.85`, `1`, `0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_f64().fmt(f)
    }
}

impl How {
    /// The word files and filters use: `manual`, `suggested`, `imported`, `adjudicated`.
    pub fn name(&self) -> &'static str {
        match self {
            How::Manual => "manual",
            How::Suggested { .. } => "suggested",
            How::Imported { .. } => "imported",
            How::Adjudicated { .. } => "adjudicated",
        }
    }

    /// In words, for the window: `suggested (rule “curly quotes”, confidence 0.9)`.
    pub fn describe(&self) -> String {
        match self {
            How::Manual => "manual".to_owned(),
            How::Suggested { rule, confidence } => {
                format!("suggested (rule “{rule}”, confidence {confidence})")
            }
            How::Imported { format } => format!("imported ({format})"),
            How::Adjudicated { coders } => format!("adjudicated (from {})", coders.join(", ")),
        }
    }
}

impl Provenance {
    pub fn new(who: &str, when: &str, how: How) -> Self {
        Self {
            who: who.to_owned(),
            when: when.to_owned(),
            how,
        }
    }

    /// `manual, by ann, 2026-03-01T09:15:00Z`.
    pub fn describe(&self) -> String {
        format!("{}, by {}, {}", self.how.describe(), self.who, self.when)
    }

    /// The words a search finds the span by: who, how (`manual`, …), and the rule,
    /// format or coders.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        let details: Vec<&str> = match &self.how {
            How::Manual => Vec::new(),
            How::Suggested { rule, .. } => vec![rule.as_str()],
            How::Imported { format } => vec![format.as_str()],
            How::Adjudicated { coders } => coders.iter().map(String::as_str).collect(),
        };
        [self.who.as_str(), self.how.name()]
            .into_iter()
            .chain(details)
    }
}

/// Is `when` a UTC time to the second as spanmark writes it: `YYYY-MM-DDTHH:MM:SSZ`?
pub fn is_utc_second(when: &str) -> bool {
    let b = when.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    let number = |r: std::ops::Range<usize>| when[r].parse::<u32>().unwrap_or(99);
    b.len() == 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z'
        && (1..=12).contains(&number(5..7))
        && (1..=31).contains(&number(8..10))
        && number(11..13) < 24
        && number(14..16) < 60
        && number(17..19) < 61
}

/// A usable coder name: not empty, no line breaks, no blanks at either end.
pub fn is_valid_who(who: &str) -> bool {
    !who.is_empty() && who.trim() == who && !who.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidences_keep_thousandths_and_print_shortest() {
        assert_eq!(Confidence::from_f64(0.85).to_string(), "0.85");
        assert_eq!(Confidence::from_f64(1.0).to_string(), "1");
        assert_eq!(Confidence::from_f64(2.0), Confidence::from_f64(1.0));
        assert_eq!(Confidence::from_f64(f64::NAN).to_string(), "0");
        let c = Confidence::from_f64(0.1234);
        assert_eq!(Confidence::from_f64(c.as_f64()), c);
        assert_eq!(Confidence::from_f64(f64::from(0.7f32)).to_string(), "0.7");
    }

    #[test]
    fn times_are_utc_to_the_second() {
        assert!(is_utc_second("2026-03-01T09:15:00Z"));
        for bad in [
            "2026-03-01T09:15:00",
            "2026-03-01 09:15:00Z",
            "2026-13-01T09:15:00Z",
            "2026-03-01T09:15:00.5Z",
            "2026-03-01T24:15:00Z",
            "",
            "2026-03-01T09:15:0éZ",
        ] {
            assert!(!is_utc_second(bad), "{bad}");
        }
    }

    #[test]
    fn searches_find_who_and_how() {
        let p = Provenance::new(
            "Ann Lee",
            "2026-03-01T09:15:00Z",
            How::Suggested {
                rule: "curly quotes".into(),
                confidence: Confidence::from_f64(0.9),
            },
        );
        let words: Vec<&str> = p.words().collect();
        assert_eq!(words, ["Ann Lee", "suggested", "curly quotes"]);
        assert_eq!(
            p.describe(),
            "suggested (rule “curly quotes”, confidence 0.9), by Ann Lee, 2026-03-01T09:15:00Z"
        );
    }
}
