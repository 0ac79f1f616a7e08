//! How the JSON export is read back: each document carries its own `relations` list
//! (absent in older exports), which [`super::ExportFile`] keeps beside its documents;
//! a label's `attributes` are objects with a type, or (older files) bare names, read
//! as text fields.

use super::ExportRelationType;
use super::{ExportAttribute, ExportDocument, ExportFile, ExportLabel, ExportRelation};
use serde::Deserialize;
use std::borrow::Cow;

#[derive(Deserialize)]
pub(super) struct WireFile {
    format: String,
    version: u32,
    offsets: String,
    project: String,
    labels: Vec<ExportLabel<'static>>,
    #[serde(default)]
    relation_types: Vec<ExportRelationType>,
    documents: Vec<WireDocument>,
}

/// A document as the file has it: the export's document with its relations.
#[derive(Deserialize)]
pub(crate) struct WireDocument {
    #[serde(flatten)]
    pub(crate) document: ExportDocument<'static>,
    #[serde(default)]
    pub(crate) relations: Vec<ExportRelation>,
    /// Where the article comes from (absent: unknown).
    #[serde(default)]
    pub(crate) meta: crate::model::ArticleMeta,
}

impl From<WireFile> for ExportFile<'_> {
    fn from(file: WireFile) -> Self {
        let mut meta = Vec::with_capacity(file.documents.len());
        let (documents, relations) = file
            .documents
            .into_iter()
            .map(|d| {
                meta.push(d.meta);
                (d.document, d.relations)
            })
            .unzip();
        Self {
            format: Cow::Owned(file.format),
            version: file.version,
            offsets: Cow::Owned(file.offsets),
            project: Cow::Owned(file.project),
            labels: file.labels,
            relation_types: file.relation_types,
            documents,
            relations,
            meta,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum WireAttribute {
    /// An older export: the field's name, a text field.
    Name(String),
    Typed {
        name: String,
        #[serde(rename = "type", default = "text")]
        kind: String,
        #[serde(default)]
        values: Vec<String>,
    },
}

fn text() -> String {
    "text".to_owned()
}

impl From<WireAttribute> for ExportAttribute {
    fn from(wire: WireAttribute) -> Self {
        match wire {
            WireAttribute::Name(name) => Self {
                name,
                kind: text(),
                values: Vec::new(),
            },
            WireAttribute::Typed { name, kind, values } => Self { name, kind, values },
        }
    }
}
