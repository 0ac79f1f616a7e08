//! The schema an import brings: labels (with their typed attribute fields) and relation
//! types. Into a project without documents the file's label set and relation types are
//! taken over; otherwise labels its spans use and relation types it defines are added
//! where the project lacks them.

use super::ImportReport;
use crate::edit::Edit;
use crate::formats::json::{ExportAttribute, ExportFile};
use crate::model::label::{FALLBACK_COLOR, is_valid_color, is_valid_label_name};
use crate::model::{AttributeDef, AttributeKind, Label, Project, RelationType};
use crate::shown::quoted;
use std::collections::{BTreeMap, HashSet};

/// Label edits for the import; returns the names that will exist afterwards.
pub(super) fn plan_labels(
    project: &Project,
    export: &ExportFile<'_>,
    adopt: bool,
    edits: &mut Vec<Edit>,
    report: &mut ImportReport,
) -> HashSet<String> {
    let mut names: HashSet<String> = project.labels.iter().map(|l| l.name.clone()).collect();
    let usable = |name: &str, color: &str| {
        let color = if is_valid_color(color) {
            color
        } else {
            FALLBACK_COLOR
        };
        is_valid_label_name(name).then(|| color.to_owned())
    };
    if adopt && !export.labels.is_empty() {
        // The project has no spans yet: its label set becomes the export's, keeping the
        // keys and attributes of labels it already had. The relation types step aside
        // meanwhile and come back where the new labels have their ends.
        for t in &project.relation_types {
            edits.push(Edit::RemoveRelationType {
                name: t.name.clone(),
            });
        }
        for label in project.labels.iter() {
            edits.push(Edit::RemoveLabel {
                name: label.name.clone(),
            });
        }
        names.clear();
        for label in &export.labels {
            let Some(color) = usable(&label.name, &label.color) else {
                continue;
            };
            if !names.insert(label.name.to_string()) {
                continue;
            }
            let mut new = project.labels.get(&label.name).cloned().unwrap_or_else(|| {
                let mut new = Label::new(&label.name, &color, None, &[]);
                new.attributes = fields(&label.name, &label.attributes, report);
                new
            });
            new.color = color;
            edits.push(Edit::AddLabel {
                index: usize::MAX,
                label: new,
            });
        }
    }
    let known: BTreeMap<&str, (&str, &[ExportAttribute])> = export
        .labels
        .iter()
        .map(|l| (l.name.as_ref(), (l.color.as_ref(), l.attributes.as_slice())))
        .collect();
    for doc in &export.documents {
        for span in &doc.spans {
            if names.contains(span.label.as_ref()) {
                continue;
            }
            let (color, attributes) = known
                .get(span.label.as_ref())
                .copied()
                .unwrap_or((FALLBACK_COLOR, &[]));
            if let Some(color) = usable(&span.label, color) {
                names.insert(span.label.to_string());
                report.labels_added += 1;
                let mut label = Label::new(&span.label, &color, None, &[]);
                label.attributes = fields(&span.label, attributes, report);
                edits.push(Edit::AddLabel {
                    index: usize::MAX,
                    label,
                });
            }
        }
    }
    names
}

/// A label's attribute fields as the file gives them; a field of an unknown type, or
/// named twice, is left out with a remark.
fn fields(
    label: &str,
    attributes: &[ExportAttribute],
    report: &mut ImportReport,
) -> Vec<AttributeDef> {
    let mut out: Vec<AttributeDef> = Vec::new();
    for a in attributes {
        let at = format!("label {}, attribute {}", quoted(label), quoted(&a.name));
        if a.name.trim().is_empty() || out.iter().any(|f| f.name == a.name) {
            report.found.remark(&at, "no name or named twice; left out");
            continue;
        }
        match AttributeKind::from_name(&a.kind, a.values.clone()) {
            Ok(kind) => out.push(AttributeDef {
                name: a.name.clone(),
                kind,
            }),
            Err(why) => report.found.remark(&at, &format!("{why}; left out")),
        }
    }
    out
}

/// Relation type edits for the import (after the label edits); returns the names of the
/// types the project will have. Adopting (a project without documents taking the file's
/// labels), the file's types come first, then the project's whose ends are still labels;
/// otherwise a type the file defines and the project lacks is added when its ends are
/// labels. A type that cannot be added is remarked on (its relations are then reported).
pub(super) fn plan_relation_types(
    project: &Project,
    export: &ExportFile<'_>,
    adopt: bool,
    labels: &mut HashSet<String>,
    edits: &mut Vec<Edit>,
    report: &mut ImportReport,
) -> HashSet<String> {
    let replaced = adopt && !export.labels.is_empty();
    let mut names: HashSet<String> = if replaced {
        HashSet::new()
    } else {
        project
            .relation_types
            .iter()
            .map(|t| t.name.clone())
            .collect()
    };
    let ends_known = |t: &RelationType, labels: &HashSet<String>| {
        t.from.iter().chain(&t.to).all(|l| labels.contains(l))
    };
    for t in &export.relation_types {
        if names.contains(&t.name) {
            continue;
        }
        let at = format!("relation type {}", quoted(&t.name));
        let new = RelationType {
            name: t.name.clone(),
            from: t.from.clone(),
            to: t.to.clone(),
        };
        if !is_valid_label_name(&t.name) {
            report.found.remark(&at, "not a usable name; not added");
            continue;
        }
        // An end the file lists as a label but no span of it uses: the label comes too.
        for end in t.from.iter().chain(&t.to) {
            let listed = export.labels.iter().find(|l| l.name == *end);
            if let Some(listed) = listed.filter(|_| !labels.contains(end)) {
                if !is_valid_label_name(end) {
                    continue;
                }
                let color = if is_valid_color(&listed.color) {
                    listed.color.as_ref()
                } else {
                    FALLBACK_COLOR
                };
                let mut label = Label::new(end, color, None, &[]);
                label.attributes = fields(end, &listed.attributes, report);
                labels.insert(end.clone());
                report.labels_added += 1;
                edits.push(Edit::AddLabel {
                    index: usize::MAX,
                    label,
                });
            }
        }
        if !ends_known(&new, labels) {
            report.found.remark(
                &at,
                "an end names a label the project will not have; not added",
            );
            continue;
        }
        names.insert(t.name.clone());
        if !replaced || project.relation_type(&t.name).is_none() {
            report.relation_types_added += 1;
        }
        edits.push(Edit::AddRelationType {
            index: usize::MAX,
            relation_type: new,
        });
    }
    if replaced {
        for t in &project.relation_types {
            if !names.contains(&t.name) && ends_known(t, labels) {
                names.insert(t.name.clone());
                edits.push(Edit::AddRelationType {
                    index: usize::MAX,
                    relation_type: t.clone(),
                });
            }
        }
    }
    names
}
