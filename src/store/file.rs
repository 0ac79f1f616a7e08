//! The wire structs of the RON project file, apart from the model so the file format
//! can evolve (with a migration per version) without the model following it.
//!
//! Version 1:
//! ```ron
//! (
//!     format: "spanmark-project",
//!     version: 1,
//!     name: "Security guarantees",
//!     labels: [(name: "quote", color: "#0072B2", key: Some('q'), attributes: ["speaker"])],
//!     next_span_id: 8,
//!     documents: [(
//!         id: 1, name: "article-1.txt", source: Some("articles/article-1.txt"),
//!         encoding: "UTF-8", status: InProgress, sha256: "…", text: "…",
//!         spans: [(id: 7, label: "quote", start: 120, end: 137, attributes: {"speaker": "Zelensky"})],
//!     )],
//! )
//! ```
//! `start` and `end` are code points, end exclusive. Fields added in later versions get
//! defaults, so every older file keeps loading.

use crate::model::{Label, LabelSet, Project, Status};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub const FORMAT: &str = "spanmark-project";
/// The newest project file version this build reads and the one it writes.
pub const CURRENT_VERSION: u32 = 1;

/// Just enough of a project file to tell what it is, whatever its version.
/// Missing fields read as empty / zero.
#[derive(Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: String,
    #[serde(default)]
    pub version: u32,
}

#[derive(Serialize, Deserialize)]
pub struct ProjectFile<'a> {
    pub format: Cow<'a, str>,
    pub version: u32,
    pub name: Cow<'a, str>,
    #[serde(default = "default_labels")]
    pub labels: Vec<LabelFile<'a>>,
    #[serde(default)]
    pub next_span_id: u64,
    #[serde(default)]
    pub documents: Vec<DocumentFile<'a>>,
}

#[derive(Serialize, Deserialize)]
pub struct LabelFile<'a> {
    pub name: Cow<'a, str>,
    pub color: Cow<'a, str>,
    #[serde(default)]
    pub key: Option<char>,
    #[serde(default)]
    pub attributes: Vec<Cow<'a, str>>,
}

#[derive(Serialize, Deserialize)]
pub struct DocumentFile<'a> {
    pub id: u64,
    pub name: Cow<'a, str>,
    #[serde(default)]
    pub source: Option<Cow<'a, str>>,
    #[serde(default = "utf8")]
    pub encoding: Cow<'a, str>,
    #[serde(default)]
    pub status: Status,
    pub sha256: Cow<'a, str>,
    pub text: Cow<'a, str>,
    #[serde(default)]
    pub spans: Vec<SpanFile<'a>>,
}

fn label_file(label: &Label) -> LabelFile<'_> {
    LabelFile {
        name: Cow::Borrowed(&label.name),
        color: Cow::Borrowed(&label.color),
        key: label.key,
        attributes: label
            .attributes
            .iter()
            .map(|a| Cow::Borrowed(a.as_str()))
            .collect(),
    }
}

/// A file without a label set gets the default one.
fn default_labels() -> Vec<LabelFile<'static>> {
    LabelSet::default()
        .iter()
        .map(|l| {
            let f = label_file(l);
            LabelFile {
                name: Cow::Owned(f.name.into_owned()),
                color: Cow::Owned(f.color.into_owned()),
                key: f.key,
                attributes: f
                    .attributes
                    .into_iter()
                    .map(|a| Cow::Owned(a.into_owned()))
                    .collect(),
            }
        })
        .collect()
}

fn utf8() -> Cow<'static, str> {
    Cow::Borrowed("UTF-8")
}

#[derive(Serialize, Deserialize)]
pub struct SpanFile<'a> {
    pub id: u64,
    pub label: Cow<'a, str>,
    /// Code points, inclusive.
    pub start: usize,
    /// Code points, exclusive.
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<Cow<'a, str>, Cow<'a, str>>,
}

/// The file form of `project`, borrowing its strings (no copy of the texts).
pub fn to_file(project: &Project) -> ProjectFile<'_> {
    ProjectFile {
        format: Cow::Borrowed(FORMAT),
        version: CURRENT_VERSION,
        name: Cow::Borrowed(&project.name),
        labels: project.labels.iter().map(label_file).collect(),
        next_span_id: project.next_span_id(),
        documents: project
            .documents()
            .iter()
            .map(|d| DocumentFile {
                id: d.id.0,
                name: Cow::Borrowed(&d.name),
                source: d.source.as_deref().map(Cow::Borrowed),
                encoding: Cow::Borrowed(&d.encoding),
                status: d.status,
                sha256: Cow::Borrowed(d.sha256()),
                text: Cow::Borrowed(d.text()),
                spans: d
                    .spans()
                    .iter()
                    .map(|s| SpanFile {
                        id: s.id.0,
                        label: Cow::Borrowed(&s.label),
                        start: s.range.start.0,
                        end: s.range.end.0,
                        note: s.note.as_deref().map(Cow::Borrowed),
                        attributes: s
                            .attributes
                            .iter()
                            .map(|(k, v)| (Cow::Borrowed(k.as_str()), Cow::Borrowed(v.as_str())))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}
