//! Where an article comes from, so it can be cited: its URL, outlet, authors,
//! publication date and language, and any other fields a corpus gave it (`section`,
//! `id` …). Set in the window, by `spanmark add --url …`, or read from a corpus file's
//! columns; checked when entered, reported (never dropped) when a file holds a value
//! that does not fit.

use super::schema::AttributeKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Serialized (in the JSON export) with the fields that are set only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The article's address: `https://…`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publication: `Kyiv Post`, `Reuters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// A language tag: `en`, `uk`, `pt-BR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Other fields, by name, as the corpus gave them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

impl ArticleMeta {
    pub fn is_empty(&self) -> bool {
        self.url.is_none()
            && self.outlet.is_none()
            && self.authors.is_empty()
            && self.published.is_none()
            && self.language.is_none()
            && self.extra.is_empty()
    }

    /// Blank values dropped, the rest trimmed.
    pub fn cleaned(mut self) -> Self {
        let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        self.url = clean(self.url);
        self.outlet = clean(self.outlet);
        self.published = clean(self.published);
        self.language = clean(self.language);
        self.authors = self
            .authors
            .into_iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        self.extra = self
            .extra
            .into_iter()
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .collect();
        self
    }

    /// What does not fit: each as `field: why`.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(url) = &self.url
            && let Err(why) = AttributeKind::Url.check(url)
        {
            out.push(format!("url: {why}"));
        }
        if let Some(date) = &self.published
            && let Err(why) = AttributeKind::Date.check(date)
        {
            out.push(format!("date: {why}"));
        }
        if let Some(language) = &self.language
            && !is_language_tag(language)
        {
            out.push(format!(
                "language: {} is not a language tag (write en, uk, pt-BR)",
                crate::shown::quoted(language)
            ));
        }
        out
    }
}

/// A BCP 47-like tag: a 2–3 letter language, then `-` and 2–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    lang_ok
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Splits an author field as corpora write it: `A; B`, `A, B and C` → each name.
pub fn split_authors(field: &str) -> Vec<String> {
    let field = field.trim();
    let field = field
        .strip_prefix("By ")
        .or_else(|| field.strip_prefix("by "))
        .unwrap_or(field);
    let separators: &[&str] = if field.contains(';') {
        &[";"]
    } else {
        &[",", " and ", " & "]
    };
    let mut names = vec![field.to_owned()];
    for sep in separators {
        names = names
            .iter()
            .flat_map(|n| n.split(sep).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    names
        .into_iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_blanks_dropped() {
        let meta = ArticleMeta {
            url: Some(" https://example.org/a ".into()),
            outlet: Some("  ".into()),
            authors: vec!["Ann Lee".into(), " ".into()],
            published: Some("2026-02-30".into()),
            language: Some("english".into()),
            extra: [("section".to_owned(), "World".to_owned())].into(),
        }
        .cleaned();
        assert_eq!(meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(meta.outlet, None);
        assert_eq!(meta.authors, ["Ann Lee"]);
        let problems = meta.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("date: \"2026-02-30\" is not a date"));
        assert!(problems[1].starts_with("language: \"english\" is not a language tag"));
        assert!(ArticleMeta::default().is_empty());
        for tag in ["en", "uk", "pt-BR", "zh-Hant", "gsw"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for tag in ["e", "english", "en_GB", "en-", ""] {
            assert!(!is_language_tag(tag), "{tag}");
        }
    }

    #[test]
    fn authors_split_as_bylines_write_them() {
        assert_eq!(
            split_authors("By Ann Lee and Bo Chen"),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(
            split_authors("Ann Lee, Bo Chen & Cy Diaz"),
            ["Ann Lee", "Bo Chen", "Cy Diaz"]
        );
        assert_eq!(
            split_authors("Lee, Ann; Chen, Bo"),
            ["Lee, Ann", "Chen, Bo"]
        );
        assert!(split_authors("  ").is_empty());
    }
}
