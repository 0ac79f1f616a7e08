//! What a project lets its spans say beyond their label: the typed attribute fields a
//! label offers (text, a choice from a fixed list, number, date, URL, a link to another
//! span) with the check a value must pass, and the relation types that may link two
//! spans (with the labels allowed at each end). The values themselves live on spans
//! ([`super::Attributes`]) and in documents ([`super::Relation`]).

/// The type of an attribute's values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum AttributeKind {
    /// Any text (a quote's `speaker`).
    #[default]
    Text,
    /// One of a fixed list of values, offered as a drop-down.
    Choice(Vec<String>),
    /// A decimal number: `12`, `-3.5`, `1e6`.
    Number,
    /// A calendar date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all that is known).
    Date,
    /// An absolute URL with a scheme: `https://example.org/report`.
    Url,
    /// The id of another span of the same document.
    Span,
    /// A figure's value in its canonical form: `90000000000 USD`, `15 year`, `31 to 24`
    /// ([`super::value`]).
    Quantity,
    /// Sources, one per line: a URL, then a note if any (`https://… the ministry's data`).
    Sources,
}

impl AttributeKind {
    /// The name files and the command line use: `text`, `choice`, `number`, `date`,
    /// `url`, `span`.
    pub fn name(&self) -> &'static str {
        match self {
            AttributeKind::Text => "text",
            AttributeKind::Choice(_) => "choice",
            AttributeKind::Number => "number",
            AttributeKind::Date => "date",
            AttributeKind::Url => "url",
            AttributeKind::Span => "span",
            AttributeKind::Quantity => "quantity",
            AttributeKind::Sources => "sources",
        }
    }

    pub const NAMES: [&'static str; 8] = [
        "text", "choice", "number", "date", "url", "span", "quantity", "sources",
    ];

    /// The kind named `name` (`values` only for `choice`), or why not.
    pub fn from_name(name: &str, values: Vec<String>) -> Result<Self, String> {
        let kind = match name {
            "text" => AttributeKind::Text,
            "choice" if values.is_empty() => {
                return Err("a choice needs at least one value".to_owned());
            }
            "choice" => return Ok(AttributeKind::Choice(values)),
            "number" => AttributeKind::Number,
            "date" => AttributeKind::Date,
            "url" => AttributeKind::Url,
            "span" => AttributeKind::Span,
            "quantity" => AttributeKind::Quantity,
            "sources" => AttributeKind::Sources,
            other => {
                return Err(format!(
                    "{} is not an attribute type (one of {})",
                    crate::shown::quoted(other),
                    Self::NAMES.join(", ")
                ));
            }
        };
        if !values.is_empty() {
            return Err(format!("only a choice has values, not a {name}"));
        }
        Ok(kind)
    }

    /// The values of a choice (none for the other kinds).
    pub fn values(&self) -> &[String] {
        match self {
            AttributeKind::Choice(values) => values,
            _ => &[],
        }
    }

    /// Why `value` is not one of this kind's values, if it is not. A span link is
    /// checked only for its form here (the document knows whether the span exists).
    pub fn check(&self, value: &str) -> Result<(), String> {
        let quoted = crate::shown::quoted;
        match self {
            AttributeKind::Text => Ok(()),
            AttributeKind::Choice(values) => {
                if values.iter().any(|v| v == value) {
                    Ok(())
                } else {
                    Err(format!(
                        "{} is not one of {}",
                        quoted(value),
                        values
                            .iter()
                            .map(|v| quoted(v))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                }
            }
            AttributeKind::Number => match value.trim().parse::<f64>() {
                Ok(n) if n.is_finite() && value.trim() == value => Ok(()),
                _ => Err(format!(
                    "{} is not a number (write 12, -3.5 or 1e6)",
                    quoted(value)
                )),
            },
            AttributeKind::Date => {
                if is_date(value) {
                    Ok(())
                } else {
                    Err(format!(
                        "{} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)",
                        quoted(value)
                    ))
                }
            }
            AttributeKind::Url => {
                if is_url(value) {
                    Ok(())
                } else {
                    Err(format!(
                        "{} is not a URL (write it whole: https://example.org/page)",
                        quoted(value)
                    ))
                }
            }
            AttributeKind::Sources => {
                for (i, line) in value.lines().enumerate() {
                    let url = line.split_whitespace().next().unwrap_or("");
                    if !url.is_empty() && !is_url(url) {
                        return Err(format!(
                            "line {} does not start with a URL ({}; write https://… then a note)",
                            i + 1,
                            quoted(line)
                        ));
                    }
                }
                Ok(())
            }
            AttributeKind::Quantity => match super::value::read(value) {
                Some(_) => Ok(()),
                None => Err(format!(
                    "{} is not a figure value (write 90000000000 USD, 15 year, 80 percent)",
                    quoted(value)
                )),
            },
            AttributeKind::Span => match value.parse::<u64>() {
                Ok(id) if id > 0 && value == id.to_string() => Ok(()),
                _ => Err(format!("{} is not a span id", quoted(value))),
            },
        }
    }
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a real calendar date.
fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| s.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&number(m)),
        [y, m, d] => {
            if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
                return false;
            }
            let (year, month, day) = (number(y), number(m), number(d));
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&day)
        }
        _ => false,
    }
}

/// An absolute URL: a scheme (`https:`, `mailto:`, `urn:` …), then something, no
/// blanks; `http` and `https` need a host.
fn is_url(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok || rest.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") {
        let Some(after) = rest.strip_prefix("//") else {
            return false;
        };
        let host = after.split(['/', '?', '#']).next().unwrap_or("");
        return !host.is_empty() && !host.starts_with(':');
    }
    true
}

/// One attribute field a label offers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AttributeDef {
    pub name: String,
    pub kind: AttributeKind,
}

impl AttributeDef {
    pub fn text(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            kind: AttributeKind::Text,
        }
    }

    pub fn choice(name: &str, values: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            kind: AttributeKind::Choice(values.iter().map(|v| (*v).to_owned()).collect()),
        }
    }

    /// `speaker`, `kind: choice(count|money)`, `date: date`: how the command line and
    /// the label editor write a field.
    pub fn describe(&self) -> String {
        match &self.kind {
            AttributeKind::Text => self.name.clone(),
            AttributeKind::Choice(values) => format!("{}: choice({})", self.name, values.join("|")),
            kind => format!("{}: {}", self.name, kind.name()),
        }
    }

    /// Reads what [`AttributeDef::describe`] writes: `name`, `name: type` or
    /// `name: choice(a|b|c)`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (name, kind) = match text.split_once(':') {
            None => (text.trim(), AttributeKind::Text),
            Some((name, kind)) => {
                let kind = kind.trim();
                let kind = match kind
                    .strip_prefix("choice(")
                    .and_then(|k| k.strip_suffix(')'))
                {
                    Some(values) => AttributeKind::from_name(
                        "choice",
                        values
                            .split('|')
                            .map(str::trim)
                            .filter(|v| !v.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    )?,
                    None => AttributeKind::from_name(kind, Vec::new())?,
                };
                (name.trim(), kind)
            }
        };
        if name.is_empty() {
            return Err(format!(
                "{} has no attribute name",
                crate::shown::quoted(text)
            ));
        }
        Ok(Self {
            name: name.to_owned(),
            kind,
        })
    }
}

/// Fields as one line, comma-separated: `speaker, kind: choice(count|money), when: date`.
pub fn describe_fields(fields: &[AttributeDef]) -> String {
    fields
        .iter()
        .map(AttributeDef::describe)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads what [`describe_fields`] writes; blank entries are skipped.
pub fn parse_fields(text: &str) -> Result<Vec<AttributeDef>, String> {
    text.split(',')
        .filter(|f| !f.trim().is_empty())
        .map(AttributeDef::parse)
        .collect()
}

/// The name of a figure's value field (a [`AttributeKind::Quantity`]).
pub const FIGURE_VALUE: &str = "value";

/// The kinds of figure the guidelines name, the values of figure's `kind`.
pub const FIGURE_KINDS: [&str; 6] = ["count", "money", "percent", "duration", "date", "other"];

/// A type of relation: its name and the labels allowed at each end (none listed: any).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RelationType {
    pub name: String,
    pub from: Vec<String>,
    pub to: Vec<String>,
}

impl RelationType {
    pub fn new(name: &str, from: &[&str], to: &[&str]) -> Self {
        let owned = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect();
        Self {
            name: name.to_owned(),
            from: owned(from),
            to: owned(to),
        }
    }

    /// The default types: a quote *attributed to* the span naming its speaker; a claim
    /// *supported by* a figure or a quote; a claim *claimed by* the span naming who made
    /// it.
    pub fn defaults() -> Vec<RelationType> {
        vec![
            RelationType::new(ATTRIBUTED_TO, &["quote"], &[]),
            RelationType::new(SUPPORTED_BY, &["claim"], &["figure", "quote"]),
            RelationType::new(CLAIMED_BY, &["claim"], &[]),
        ]
    }

    /// May a span labelled `from` link to one labelled `to` with this type?
    pub fn allows(&self, from: &str, to: &str) -> bool {
        let ok = |allowed: &[String], label: &str| {
            allowed.is_empty() || allowed.iter().any(|a| a == label)
        };
        ok(&self.from, from) && ok(&self.to, to)
    }

    /// Why a `from` → `to` link is not allowed, if it is not.
    pub fn refusal(&self, from: &str, to: &str) -> Option<String> {
        let quoted = crate::shown::quoted;
        if self.allows(from, to) {
            return None;
        }
        let list = |l: &[String]| l.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(" or ");
        Some(
            if !self.from.is_empty() && !self.from.iter().any(|a| a == from) {
                format!(
                    "{} links from a {} span, not a {}",
                    quoted(&self.name),
                    list(&self.from),
                    quoted(from)
                )
            } else {
                format!(
                    "{} links to a {} span, not a {}",
                    quoted(&self.name),
                    list(&self.to),
                    quoted(to)
                )
            },
        )
    }
}

/// The relation that names a quote's speaker: linking a quote with it sets the quote's
/// `speaker` to the text of the span it links to.
pub const ATTRIBUTED_TO: &str = "attributed to";

/// The relation from a claim to the figure or quote that bears on it.
pub const SUPPORTED_BY: &str = "supported by";

/// The relation that names a claim's claimant (its `claimant` follows the span's text).
pub const CLAIMED_BY: &str = "claimed by";

/// Relations whose type fills a field of the span they start from with the text of the
/// span they end at: (relation type, field).
pub const FILLS: [(&str, &str); 2] = [(ATTRIBUTED_TO, "speaker"), (CLAIMED_BY, "claimant")];

/// The claim fields of the default label set (issue 19's fact-check desk).
pub const CLAIM_STATUS: [&str; 3] = ["to check", "checking", "checked"];
/// The default rating scale, best first (the first five numeric, see
/// [`super::desk::rating`]); a project may define its own (the values of
/// the claim label's `verdict` field).
pub const VERDICTS: [&str; 7] = [
    "true",
    "mostly true",
    "half true",
    "mostly false",
    "false",
    "misleading",
    "unverifiable",
];
pub const CLAIM_TYPES: [&str; 6] = [
    "quantity",
    "prediction",
    "cause and effect",
    "laws and rules",
    "personal experience",
    "other",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_by_kind() {
        let kind = AttributeKind::Choice(vec!["count".into(), "money".into()]);
        assert!(kind.check("money").is_ok());
        assert!(kind.check("Money").unwrap_err().contains("not one of"));
        for good in ["12", "-3.5", "1e6", "0.25"] {
            assert!(AttributeKind::Number.check(good).is_ok(), "{good}");
        }
        for bad in ["twelve", "1,5", " 3", "NaN", "inf", ""] {
            assert!(AttributeKind::Number.check(bad).is_err(), "{bad}");
        }
        for good in ["2026-02-28", "2024-02-29", "2026-11", "1999"] {
            assert!(AttributeKind::Date.check(good).is_ok(), "{good}");
        }
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026/01/01",
            "yesterday",
        ] {
            assert!(AttributeKind::Date.check(bad).is_err(), "{bad}");
        }
        for good in [
            "https://example.org/a?b#c",
            "http://x.y",
            "mailto:a@b.c",
            "urn:isbn:1",
        ] {
            assert!(AttributeKind::Url.check(good).is_ok(), "{good}");
        }
        for bad in [
            "example.org",
            "https://",
            "https:/x",
            "http://a b",
            "1http://x",
        ] {
            assert!(AttributeKind::Url.check(bad).is_err(), "{bad}");
        }
        assert!(AttributeKind::Span.check("17").is_ok());
        assert!(AttributeKind::Span.check("017").is_err());
        assert!(AttributeKind::Span.check("0").is_err());
        assert!(AttributeKind::Text.check("anything at all").is_ok());
    }

    #[test]
    fn fields_read_back_what_they_write() {
        for def in [
            AttributeDef::text("speaker"),
            AttributeDef::choice("kind", &FIGURE_KINDS),
            AttributeDef {
                name: "published".into(),
                kind: AttributeKind::Date,
            },
            AttributeDef {
                name: "source".into(),
                kind: AttributeKind::Url,
            },
        ] {
            assert_eq!(AttributeDef::parse(&def.describe()), Ok(def.clone()));
        }
        assert_eq!(
            AttributeDef::parse(" n : number ").unwrap().kind,
            AttributeKind::Number
        );
        assert!(
            AttributeDef::parse("x: colour")
                .unwrap_err()
                .contains("not an attribute type")
        );
        assert!(
            AttributeDef::parse("x: choice()")
                .unwrap_err()
                .contains("at least one")
        );
        assert!(AttributeDef::parse(": text").is_err());
    }

    #[test]
    fn relation_types_check_their_ends() {
        let [attributed, supported, claimed] =
            <[RelationType; 3]>::try_from(RelationType::defaults())
                .unwrap_or_else(|_| panic!("three defaults"));
        assert!(claimed.allows("claim", "person"));
        assert!(attributed.allows("quote", "claim"));
        assert!(!attributed.allows("claim", "quote"));
        assert!(supported.allows("claim", "figure"));
        assert!(!supported.allows("claim", "claim"));
        assert!(
            supported
                .refusal("claim", "claim")
                .unwrap()
                .contains("links to a \"figure\" or \"quote\" span")
        );
        assert_eq!(supported.refusal("claim", "quote"), None);
    }
}
