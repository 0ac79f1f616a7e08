//! A span's provenance in the exports that have room for it, and read back from them.
//!
//! - JSON and JSONL: a `provenance` object per span, `{"who", "when", "how"}` with, by
//!   `how`, `rule` and `confidence` (`suggested`), `format` (`imported`) or `coders`
//!   (`adjudicated`); absent when unknown.
//! - CSV: the columns `who`, `when`, `how`, `how_details` (a JSON object of those extra
//!   fields), after every other column, and only when some span has provenance.
//! - W3C Web Annotation: `creator` (a `Person` with the coder's `name`), `created`, and a
//!   `generator`: spanmark as a `Software` agent whose `id` says how
//!   (`urn:spanmark:how:manual`, `…:suggested:0.9:curly%20quotes`, `…:imported:brat`,
//!   `…:adjudicated:ann,bo`), with the same in words as its `name`. All are terms of the
//!   annotation context, so they survive JSON-LD processing.

use crate::model::provenance::{is_utc_second, is_valid_who};
use crate::model::{Confidence, How, Provenance};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The `provenance` object of a span in the JSON export.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportProvenance {
    pub who: String,
    pub when: String,
    /// `manual`, `suggested`, `imported` or `adjudicated`.
    pub how: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coders: Option<Vec<String>>,
}

impl ExportProvenance {
    pub fn from_model(p: &Provenance) -> Self {
        let mut out = Self {
            who: p.who.clone(),
            when: p.when.clone(),
            how: p.how.name().to_owned(),
            rule: None,
            confidence: None,
            format: None,
            coders: None,
        };
        match &p.how {
            How::Manual => {}
            How::Suggested { rule, confidence } => {
                out.rule = Some(rule.clone());
                out.confidence = Some(confidence.as_f64());
            }
            How::Imported { format } => out.format = Some(format.clone()),
            How::Adjudicated { coders } => out.coders = Some(coders.clone()),
        }
        out
    }

    /// The provenance it describes, or why it cannot be used.
    pub fn to_model(&self) -> Result<Provenance, String> {
        let how = match self.how.as_str() {
            "manual" => How::Manual,
            "suggested" => How::Suggested {
                rule: self.rule.clone().unwrap_or_default(),
                confidence: Confidence::from_f64(self.confidence.unwrap_or(0.0)),
            },
            "imported" => How::Imported {
                format: self.format.clone().unwrap_or_default(),
            },
            "adjudicated" => How::Adjudicated {
                coders: self.coders.clone().unwrap_or_default(),
            },
            other => return Err(format!("provenance: unknown how {}", quoted(other))),
        };
        checked(&self.who, &self.when, how)
    }

    /// The extra fields of `how` as a JSON object (CSV's `how_details`), empty for none.
    pub fn details(&self) -> String {
        let mut details = serde_json::Map::new();
        if let Some(rule) = &self.rule {
            details.insert("rule".into(), json!(rule));
        }
        if let Some(confidence) = self.confidence {
            details.insert("confidence".into(), json!(confidence));
        }
        if let Some(format) = &self.format {
            details.insert("format".into(), json!(format));
        }
        if let Some(coders) = &self.coders {
            details.insert("coders".into(), json!(coders));
        }
        if details.is_empty() {
            String::new()
        } else {
            Value::Object(details).to_string()
        }
    }
}

fn quoted(text: &str) -> String {
    crate::shown::quoted(text)
}

fn checked(who: &str, when: &str, how: How) -> Result<Provenance, String> {
    if !is_valid_who(who) {
        return Err(format!("provenance: {} is not a usable name", quoted(who)));
    }
    if !is_utc_second(when) {
        return Err(format!(
            "provenance: time {} is not UTC to the second",
            quoted(when)
        ));
    }
    Ok(Provenance::new(who, when, how))
}

const HOW_IRI: &str = "urn:spanmark:how:";

/// The W3C annotation fields for `p`: `creator`, `created`, `generator`.
pub fn to_w3c(p: &ExportProvenance) -> [(&'static str, Value); 3] {
    let mut id = format!("{HOW_IRI}{}", p.how);
    let mut name = "spanmark".to_owned();
    if let Some(rule) = &p.rule {
        let confidence = p.confidence.unwrap_or(0.0);
        id.push_str(&format!(":{confidence}:{}", escaped(rule)));
        name.push_str(&format!(
            " (suggested: rule “{rule}”, confidence {confidence})"
        ));
    } else if let Some(format) = &p.format {
        id.push_str(&format!(":{}", escaped(format)));
        name.push_str(&format!(" (imported from {format})"));
    } else if let Some(coders) = &p.coders {
        let list: Vec<String> = coders.iter().map(|c| escaped(c)).collect();
        id.push_str(&format!(":{}", list.join(",")));
        name.push_str(&format!(" (adjudicated from {})", coders.join(", ")));
    } else {
        name.push_str(&format!(" ({})", p.how));
    }
    [
        ("creator", json!({"type": "Person", "name": p.who})),
        ("created", json!(p.when)),
        (
            "generator",
            json!({"id": id, "type": "Software", "name": name}),
        ),
    ]
}

/// The provenance of a W3C annotation: spanmark's own (its `generator` says how), or
/// one another tool gave (a `creator` with a name and a `created` time to the second:
/// then `imported` from W3C). `None` when there is none to use.
pub fn from_w3c(item: &Value) -> Option<Provenance> {
    let creator = match &item["creator"] {
        Value::Array(all) => all.first()?,
        one => one,
    };
    let who = literal(&creator["name"])
        .or_else(|| literal(&creator["nickname"]))
        .or_else(|| literal(creator))?;
    let when = literal(&item["created"])?;
    let generator = match &item["generator"] {
        Value::Array(all) => all.first().unwrap_or(&Value::Null),
        one => one,
    };
    let id = generator["id"]
        .as_str()
        .or_else(|| generator["@id"].as_str())
        .unwrap_or("");
    let how = match id.strip_prefix(HOW_IRI) {
        Some(how) => how_from_iri(how)?,
        None => How::Imported {
            format: "w3c".to_owned(),
        },
    };
    checked(who, when, how).ok()
}

/// `manual`, `suggested:0.9:RULE`, `imported:FORMAT`, `adjudicated:A,B`.
fn how_from_iri(how: &str) -> Option<How> {
    let (word, rest) = how.split_once(':').unwrap_or((how, ""));
    Some(match word {
        "manual" => How::Manual,
        "suggested" => {
            let (confidence, rule) = rest.split_once(':')?;
            How::Suggested {
                rule: percent_decoded(rule),
                confidence: Confidence::from_f64(confidence.parse().ok()?),
            }
        }
        "imported" => How::Imported {
            format: percent_decoded(rest),
        },
        "adjudicated" => How::Adjudicated {
            coders: rest
                .split(',')
                .filter(|c| !c.is_empty())
                .map(percent_decoded)
                .collect(),
        },
        _ => return None,
    })
}

/// A JSON-LD literal: a string, or `{"@value": string}`.
fn literal(value: &Value) -> Option<&str> {
    value.as_str().or_else(|| value["@value"].as_str())
}

/// `text` for an IRI: everything but unreserved ASCII percent-encoded (so `:` and `,`
/// inside a name never split it).
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `%20`-style escapes of an IRI segment undone (what cannot be decoded stays).
pub(super) fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Provenance> {
        let when = "2026-03-01T09:15:00Z";
        vec![
            Provenance::new("Ann Lee", when, How::Manual),
            Provenance::new(
                "bo",
                when,
                How::Suggested {
                    rule: "curly quotes: “…”, 100%".into(),
                    confidence: Confidence::from_f64(0.85),
                },
            ),
            Provenance::new(
                "bo",
                when,
                How::Imported {
                    format: "label-studio".into(),
                },
            ),
            Provenance::new(
                "Zoë",
                when,
                How::Adjudicated {
                    coders: vec!["a,b".into(), "Ann Lee".into()],
                },
            ),
        ]
    }

    #[test]
    fn every_provenance_goes_through_json_and_w3c_and_back() {
        for p in all() {
            let wire = ExportProvenance::from_model(&p);
            let json = serde_json::to_string(&wire).unwrap();
            let back: ExportProvenance = serde_json::from_str(&json).unwrap();
            assert_eq!(back.to_model().unwrap(), p, "{json}");
            let item: serde_json::Map<String, Value> = to_w3c(&wire)
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect();
            assert_eq!(from_w3c(&Value::Object(item)), Some(p));
        }
    }

    #[test]
    fn another_tools_creator_reads_as_imported_from_w3c() {
        let item = json!({"creator": {"type": "Person", "name": "Kim"},
                          "created": "2025-01-02T03:04:05Z"});
        let p = from_w3c(&item).unwrap();
        assert_eq!(
            p.how,
            How::Imported {
                format: "w3c".into()
            }
        );
        assert_eq!(p.who, "Kim");
        // A time not to the second, or no creator: none.
        let item = json!({"creator": "Kim", "created": "2025-01-02"});
        assert_eq!(from_w3c(&item), None);
        assert_eq!(from_w3c(&json!({"created": "2025-01-02T03:04:05Z"})), None);
    }
}
