//! brat's configuration for an exported folder, so brat (and its `verify_annotations`)
//! knows every type the `.ann` files use: `annotation.conf` declares each label as an
//! entity type, each attribute written on an `A` line with the labels that carry it and
//! the values it takes (brat's attributes are flags or fixed lists), and allows spans of
//! any types to overlap (spanmark's spans nest and overlap freely), declares each
//! relation type with the entity types allowed at its ends; `visual.conf` gives
//! each label its colour.

use super::{attribute_line, brat_type};
use crate::formats::json::ExportFile;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The labels of the export: its label set, then any other label a span uses.
fn labels<'e>(export: &'e ExportFile<'_>) -> Vec<(&'e str, Option<&'e str>)> {
    let mut out: Vec<(&str, Option<&str>)> = export
        .labels
        .iter()
        .map(|l| (l.name.as_ref(), Some(l.color.as_ref())))
        .collect();
    let mut seen: BTreeSet<&str> = out.iter().map(|(n, _)| *n).collect();
    for doc in &export.documents {
        for span in &doc.spans {
            if seen.insert(span.label.as_ref()) {
                out.push((span.label.as_ref(), None));
            }
        }
    }
    out
}

/// `annotation.conf` for the folder.
pub(crate) fn annotation_conf(export: &ExportFile<'_>) -> String {
    let mut out = String::from("# Written by spanmark for the .ann files beside it.\n[entities]\n");
    for (label, _) in labels(export) {
        out.push_str(&brat_type(label));
        out.push('\n');
    }
    out.push_str("\n[relations]\n# spanmark's spans nest and overlap freely.\n");
    out.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    out.push_str(&super::relations::conf_lines(export));
    out.push_str("\n[events]\n\n[attributes]\n");
    // Each attribute written on an A line: the types that carry it, the values it takes.
    let mut attributes: BTreeMap<&str, (BTreeSet<String>, BTreeSet<&str>)> = BTreeMap::new();
    for doc in &export.documents {
        for span in &doc.spans {
            for (key, value) in span.attributes.iter() {
                if attribute_line(key, value) {
                    let entry = attributes.entry(key.as_str()).or_default();
                    entry.0.insert(brat_type(&span.label));
                    entry.1.insert(value.as_str());
                }
            }
        }
    }
    for (key, (types, values)) in attributes {
        let types: Vec<&str> = types.iter().map(String::as_str).collect();
        let values: Vec<&str> = values.into_iter().collect();
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "{key}\tArg:{}, Value:{}",
            types.join("|"),
            values.join("|")
        );
    }
    out
}

/// `visual.conf` for the folder: each label's colour (labels without one keep brat's).
pub(crate) fn visual_conf(export: &ExportFile<'_>) -> String {
    let mut out = String::from("# Written by spanmark.\n[labels]\n");
    let labels = labels(export);
    for (label, _) in &labels {
        let _ = writeln!(out, "{} | {label}", brat_type(label));
    }
    out.push_str(
        "\n[drawing]\nSPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n",
    );
    for (label, color) in labels {
        if let Some(color) = color {
            let _ = writeln!(
                out,
                "{}\tbgColor:{color}, borderColor:darken",
                brat_type(label)
            );
        }
    }
    out
}
