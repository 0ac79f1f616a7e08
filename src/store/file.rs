//! The wire structs the RON project file is read into (`write.rs` writes it), apart from the model so the file format
//! can evolve (with a migration per version) without the model following it.
//!
//! Version 2 (version 1 had no relations, and attribute fields were bare names, all
//! text):
//! ```ron
//! (
//!     format: "spanmark-project",
//!     version: 1,
//!     name: "Security guarantees",
//!     labels: [(name: "quote", color: "#0072B2", key: Some('q'),
//!         attributes: [(name: "speaker", type: "text")])],
//!     relation_types: [(name: "attributed to", from: ["quote"], to: [])],
//!     next_span_id: 8,
//!     next_relation_id: 2,
//!     open_document: Some(1),
//!     documents: [(
//!         id: 1, name: "article-1.txt", source: Some("articles/article-1.txt"),
//!         encoding: "UTF-8", status: InProgress, sha256: "…", text: "…",
//!         spans: [(id: 7, label: "quote", start: 120, end: 137, attributes: {"speaker": "Zelensky"})],
//!         relations: [(id: 1, type: "attributed to", from: 7, to: 5)],
//!     )],
//! )
//! ```
//! `start` and `end` are code points, end exclusive. Fields added in later versions get
//! defaults, so every older file keeps loading; `coder: Some("ann")` (after `open_document`)
//! is written only in a coder's file, and older builds skip it. Version 3 added
//! `desk: (publisher: …, publisher_url: …, rated_verdicts: 5)` after it; a file without
//! desk settings is still written as version 2. A span's
//! `provenance: Some((who: …, when: …, how: …))` comes last on its line, only when known.

use crate::model::{Attributes, LabelSet, Status};
use serde::Deserialize;
use std::borrow::Cow;

pub const FORMAT: &str = "spanmark-project";
/// The newest project file version this build reads and the one it writes.
pub const CURRENT_VERSION: u32 = 3;
/// The version a file is written as when it uses nothing version 3 added (the desk's
/// settings): builds that read version 2 keep reading it. A file says the oldest
/// version that holds everything in it.
pub const BASE_VERSION: u32 = 2;

/// Just enough of a project file to tell what it is, whatever its version.
/// Missing fields read as empty / zero.
#[derive(Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub version: u32,
}

#[derive(Deserialize)]
pub struct ProjectFile<'a> {
    pub format: Cow<'a, str>,
    pub version: u32,
    pub name: Cow<'a, str>,
    #[serde(default = "default_labels")]
    pub labels: Vec<LabelFile<'a>>,
    /// Relation types (version 2); a version 1 file gets the default ones whose
    /// labels it has.
    #[serde(default, deserialize_with = "present")]
    pub relation_types: Option<Vec<RelationTypeFile>>,
    #[serde(default)]
    pub next_span_id: u64,
    #[serde(default)]
    pub next_relation_id: u64,
    /// The document the window showed when the project was saved.
    #[serde(default)]
    pub open_document: Option<u64>,
    /// Whose share of a team's project this is (written only when set).
    #[serde(default)]
    pub coder: Option<Cow<'a, str>>,
    /// The fact-check desk's settings (version 3, written only when set).
    #[serde(default)]
    pub desk: DeskFile,
    #[serde(default)]
    pub documents: Vec<DocumentFile<'a>>,
}

/// `desk: (publisher: "Acme Fact Check", publisher_url: "https://…", rated_verdicts: 5)`.
#[derive(Deserialize)]
#[serde(default)]
pub struct DeskFile {
    pub publisher: String,
    pub publisher_url: String,
    pub rated_verdicts: usize,
}

impl Default for DeskFile {
    fn default() -> Self {
        Self {
            publisher: String::new(),
            publisher_url: String::new(),
            rated_verdicts: crate::model::desk::DEFAULT_RATED_VERDICTS,
        }
    }
}

#[derive(Deserialize)]
pub struct LabelFile<'a> {
    pub name: Cow<'a, str>,
    pub color: Cow<'a, str>,
    #[serde(default)]
    pub key: Option<char>,
    #[serde(default)]
    pub attributes: Vec<AttributeFile>,
}

/// An attribute field: a bare name (version 1, a text field) or, from version 2,
/// `(name: "kind", type: "choice", values: ["count", "money"])`.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum AttributeFile {
    Name(String),
    Typed {
        name: String,
        #[serde(rename = "type", default)]
        kind: Option<String>,
        #[serde(default)]
        values: Vec<String>,
    },
}

/// `(name: "supported by", from: ["claim"], to: ["figure", "quote"])`; an empty list
/// allows any label.
#[derive(Deserialize)]
pub struct RelationTypeFile {
    pub name: String,
    #[serde(default)]
    pub from: Vec<String>,
    #[serde(default)]
    pub to: Vec<String>,
}

/// `(id: 3, type: "attributed to", from: 7, to: 9)`: span ids of the same document.
#[derive(Deserialize)]
pub struct RelationFile {
    pub id: u64,
    #[serde(rename = "type")]
    pub kind: String,
    pub from: u64,
    pub to: u64,
}

#[derive(Deserialize)]
pub struct DocumentFile<'a> {
    pub id: u64,
    pub name: Cow<'a, str>,
    #[serde(default)]
    pub source: Option<Cow<'a, str>>,
    #[serde(default = "utf8")]
    pub encoding: Cow<'a, str>,
    #[serde(default)]
    pub status: Status,
    /// Where the article comes from (written only when anything is known).
    #[serde(default)]
    pub meta: MetaFile,
    pub sha256: Cow<'a, str>,
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub spans: Vec<SpanFile<'a>>,
    /// Suggestions the user rejected (they do not come back).
    #[serde(default)]
    pub rejected: Vec<RejectedFile>,
    /// Spans two branches changed differently (written only when there are any).
    #[serde(default)]
    pub conflicts: Vec<ConflictFile<'a>>,
    /// Links between the spans (version 2, written only when there are any).
    #[serde(default)]
    pub relations: Vec<RelationFile>,
}

/// `(url: "https://…", outlet: "Reuters", authors: ["Ann Lee"], published: "2026-02-01",
/// language: "en", extra: {"section": "World"})`; each field only when set.
#[derive(Default, Deserialize)]
pub struct MetaFile {
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub outlet: String,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub published: String,
    #[serde(default)]
    pub language: String,
    #[serde(default)]
    pub extra: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
pub struct ConflictFile<'a> {
    #[serde(default)]
    pub base: Option<SpanFile<'a>>,
    #[serde(default)]
    pub ours: Option<SpanFile<'a>>,
    #[serde(default)]
    pub theirs: Option<SpanFile<'a>>,
}

#[derive(Deserialize)]
pub struct RejectedFile {
    pub label: String,
    pub start: usize,
    pub end: usize,
}

/// A file without a label set gets the default one.
fn default_labels() -> Vec<LabelFile<'static>> {
    LabelSet::default()
        .iter()
        .map(|l| LabelFile {
            name: Cow::Owned(l.name.clone()),
            color: Cow::Owned(l.color.clone()),
            key: l.key,
            attributes: l
                .attributes
                .iter()
                .map(|a| AttributeFile::Typed {
                    name: a.name.clone(),
                    kind: Some(a.kind.name().to_owned()),
                    values: a.kind.values().to_vec(),
                })
                .collect(),
        })
        .collect()
}

/// A list that is there (even empty) as `Some`; a missing one stays `None`.
fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<RelationTypeFile>>, D::Error> {
    Vec::deserialize(deserializer).map(Some)
}

fn utf8() -> Cow<'static, str> {
    Cow::Borrowed("UTF-8")
}

#[derive(Deserialize)]
pub struct SpanFile<'a> {
    pub id: u64,
    pub label: Cow<'a, str>,
    /// Code points, inclusive.
    pub start: usize,
    /// Code points, exclusive.
    pub end: usize,
    #[serde(default)]
    pub note: Option<Cow<'a, str>>,
    #[serde(default)]
    pub attributes: Attributes,
    /// Who made the span, when and how (written only when known).
    #[serde(default)]
    pub provenance: Option<Box<ProvenanceFile>>,
}

/// `(who: "ann", when: "2026-03-01T09:15:00Z", how: Manual)`; `how` is also
/// `Suggested(rule: "curly quotes", confidence: 0.9)`, `Imported(format: "brat")` or
/// `Adjudicated(coders: ["ann", "bo"])`.
#[derive(Deserialize)]
pub struct ProvenanceFile {
    pub who: String,
    pub when: String,
    pub how: HowFile,
}

#[derive(Deserialize)]
pub enum HowFile {
    Manual,
    Suggested { rule: String, confidence: f64 },
    Imported { format: String },
    Adjudicated { coders: Vec<String> },
}
