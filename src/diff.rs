//! What changed between two versions of a project, as a person reads it: per document
//! (matched by text, then by name), the spans added, removed and changed, the documents
//! added and removed, the labels added, removed and changed. Spans are matched by id
//! (ids never change and are never reused within a project); a span whose id is new on
//! one side but whose label and range the other side has under another id is the same
//! span renumbered, not a removal and an addition. Links are matched by their type and
//! their ends' labels and ranges, so renumbered spans keep their links.

use crate::model::{Document, Project, Span};
use crate::shown::quoted;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

/// One document's changes, in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentDiff {
    pub name: String,
    pub lines: Vec<String>,
}

/// All changes from `old` to `new`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectDiff {
    pub project: Vec<String>,
    pub documents: Vec<DocumentDiff>,
}

impl ProjectDiff {
    pub fn is_empty(&self) -> bool {
        self.project.is_empty() && self.documents.is_empty()
    }

    /// The diff as text: project lines, then each document's under its name.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.project {
            let _ = writeln!(out, "{line}");
        }
        for doc in &self.documents {
            let _ = writeln!(out, "{}:", doc.name);
            for line in &doc.lines {
                let _ = writeln!(out, "  {line}");
            }
        }
        out
    }
}

/// `label start..end "text"` of a span, with its attributes and note.
fn describe(doc: &Document, span: &Span) -> String {
    let text = doc.slice(span.range).unwrap_or("");
    let mut out = format!("{} {} {}", span.label, span.range, quoted(text));
    for (key, value) in span.attributes.iter() {
        let _ = write!(out, " {key}={}", quoted(value));
    }
    if let Some(note) = &span.note {
        let _ = write!(out, " note={}", quoted(note));
    }
    out
}

/// How `new` differs from `old`, in words.
fn changes(doc: &Document, old: &Span, new: &Span) -> Vec<String> {
    let mut parts = Vec::new();
    if old.label != new.label {
        parts.push(format!("label {} → {}", old.label, new.label));
    }
    if old.range != new.range {
        let text = doc.slice(new.range).unwrap_or("");
        parts.push(format!(
            "range {} → {} {}",
            old.range,
            new.range,
            quoted(text)
        ));
    }
    let keys: std::collections::BTreeSet<&String> =
        old.attributes.keys().chain(new.attributes.keys()).collect();
    for key in keys {
        let (a, b) = (old.attributes.get(key), new.attributes.get(key));
        if a != b {
            let shown = |v: Option<&String>| v.map_or("(none)".to_owned(), |v| quoted(v));
            parts.push(format!("{key} {} → {}", shown(a), shown(b)));
        }
    }
    if old.note != new.note {
        let shown = |v: &Option<String>| v.as_deref().map_or("(none)".to_owned(), quoted);
        parts.push(format!("note {} → {}", shown(&old.note), shown(&new.note)));
    }
    parts
}

/// The changes from `old` to `new` of one document's spans. Spans at the same label and
/// range are the same span (renumbered when their ids differ); the rest are paired by
/// id (changed); what is left was added or removed. Matching places first keeps two
/// projects of different histories (a merge's output and a coder's file) from reading
/// as every span changed.
fn document_lines(old: &Document, new: &Document) -> Vec<String> {
    type Place = (String, crate::model::CharRange);
    let old_places: HashMap<Place, &Span> = old
        .spans()
        .iter()
        .map(|s| ((s.label.clone(), s.range), s))
        .collect();
    let mut paired_old: HashSet<u64> = HashSet::new();
    let mut pairs: Vec<(&Span, &Span)> = Vec::new();
    let mut unpaired_new: Vec<&Span> = Vec::new();
    for span in new.spans() {
        match old_places.get(&(span.label.clone(), span.range)) {
            Some(was) => {
                paired_old.insert(was.id.0);
                pairs.push((was, span));
            }
            None => unpaired_new.push(span),
        }
    }
    let old_left: HashMap<u64, &Span> = old
        .spans()
        .iter()
        .filter(|s| !paired_old.contains(&s.id.0))
        .map(|s| (s.id.0, s))
        .collect();
    // (sort key, line)
    let mut lines: Vec<((crate::model::CharRange, u8), String)> = Vec::new();
    for span in unpaired_new {
        match old_left.get(&span.id.0) {
            Some(was) => {
                paired_old.insert(was.id.0);
                pairs.push((was, span));
            }
            None => lines.push(((span.range, 0), format!("+ {}", describe(new, span)))),
        }
    }
    for (was, span) in pairs {
        let parts = changes(new, was, span);
        let line = if was.id != span.id {
            let mut line = format!("~ span {} is now span {}", was.id, span.id);
            if !parts.is_empty() {
                line = format!("{line}: {}", parts.join(", "));
            }
            line
        } else if parts.is_empty() {
            continue;
        } else {
            format!("~ span {}: {}", span.id, parts.join(", "))
        };
        lines.push(((span.range, 1), line));
    }
    for span in old.spans().iter().filter(|s| !paired_old.contains(&s.id.0)) {
        lines.push(((span.range, 2), format!("- {}", describe(old, span))));
    }
    lines.extend(relation_lines(old, new));
    lines.sort();
    lines.into_iter().map(|(_, l)| l).collect()
}

/// A link as its type and its ends' labels and ranges, which survive renumbering.
type LinkKey = (
    String,
    (String, crate::model::CharRange),
    (String, crate::model::CharRange),
);

fn links(doc: &Document) -> BTreeMap<LinkKey, (crate::model::CharRange, String)> {
    doc.relations()
        .iter()
        .filter_map(|r| {
            let (from, to) = (doc.span(r.from)?, doc.span(r.to)?);
            let text = |s: &Span| quoted(doc.slice(s.range).unwrap_or(""));
            let line = format!(
                "link {}: {} {} {} → {} {} {}",
                r.kind,
                from.label,
                from.range,
                text(from),
                to.label,
                to.range,
                text(to)
            );
            let key = (
                r.kind.clone(),
                (from.label.clone(), from.range),
                (to.label.clone(), to.range),
            );
            Some((key, (from.range, line)))
        })
        .collect()
}

/// Links added and removed, placed after their start span's lines.
fn relation_lines(old: &Document, new: &Document) -> Vec<((crate::model::CharRange, u8), String)> {
    let (was, now) = (links(old), links(new));
    let added = now
        .iter()
        .filter(|(k, _)| !was.contains_key(*k))
        .map(|(_, (at, line))| ((*at, 3), format!("+ {line}")));
    let removed = was
        .iter()
        .filter(|(k, _)| !now.contains_key(*k))
        .map(|(_, (at, line))| ((*at, 4), format!("- {line}")));
    added.chain(removed).collect()
}

/// What changed from `old` to `new`.
pub fn diff(old: &Project, new: &Project) -> ProjectDiff {
    let mut out = ProjectDiff::default();
    if old.name != new.name {
        out.project.push(format!(
            "project name {} → {}",
            quoted(&old.name),
            quoted(&new.name)
        ));
    }
    let old_labels: BTreeMap<&str, _> = old.labels.iter().map(|l| (l.name.as_str(), l)).collect();
    let new_labels: BTreeMap<&str, _> = new.labels.iter().map(|l| (l.name.as_str(), l)).collect();
    for (name, label) in &new_labels {
        match old_labels.get(name) {
            None => out
                .project
                .push(format!("+ label {name} ({})", label.color)),
            Some(was) if was != label => out.project.push(format!("~ label {name}")),
            Some(_) => {}
        }
    }
    for name in old_labels.keys().filter(|n| !new_labels.contains_key(*n)) {
        out.project.push(format!("- label {name}"));
    }
    for t in &new.relation_types {
        match old.relation_type(&t.name) {
            None => out.project.push(format!("+ relation type {}", t.name)),
            Some(was) if was != t => out.project.push(format!("~ relation type {}", t.name)),
            Some(_) => {}
        }
    }
    for t in &old.relation_types {
        if new.relation_type(&t.name).is_none() {
            out.project.push(format!("- relation type {}", t.name));
        }
    }
    // Documents: by text, then by name among those not matched.
    let mut unmatched_old: Vec<&Document> = old.documents().iter().collect();
    for doc in new.documents() {
        let found = unmatched_old
            .iter()
            .position(|d| d.sha256() == doc.sha256())
            .or_else(|| unmatched_old.iter().position(|d| d.name == doc.name));
        let Some(i) = found else {
            let spans = doc.spans().len();
            out.project
                .push(format!("+ document {} ({spans} spans)", quoted(&doc.name)));
            continue;
        };
        let was = unmatched_old.remove(i);
        let mut lines = Vec::new();
        if was.sha256() != doc.sha256() {
            lines.push("~ its text changed: spans compared by id".to_owned());
        }
        if was.name != doc.name {
            lines.push(format!("~ renamed from {}", quoted(&was.name)));
        }
        if was.status != doc.status {
            lines.push(format!(
                "~ status {} → {}",
                was.status.as_str(),
                doc.status.as_str()
            ));
        }
        lines.extend(document_lines(was, doc));
        if !lines.is_empty() {
            out.documents.push(DocumentDiff {
                name: doc.name.clone(),
                lines,
            });
        }
    }
    for doc in unmatched_old {
        let spans = doc.spans().len();
        out.project
            .push(format!("- document {} ({spans} spans)", quoted(&doc.name)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;
    use crate::fixture;
    use crate::model::{CharRange, SpanId};

    #[test]
    fn spans_added_removed_changed_and_renumbered_read_as_such() {
        let old = fixture::project(
            "p",
            &[(
                "a.txt",
                "[quote|speaker=Ann:We win], she said. [figure:270 drones] fell. [claim:Kyiv held].",
            )],
        );
        let mut new = old.clone();
        let doc = new.documents()[0].id;
        let ids: Vec<SpanId> = new.documents()[0].spans().iter().map(|s| s.id).collect();
        let mut fresh = new.fresh_ids();
        let added = fresh.span();
        let renumbered = fresh.span();
        let claim = new.documents()[0].spans()[2].clone();
        Edit::Batch(vec![
            Edit::SetAttribute {
                doc,
                span: ids[0],
                key: "speaker".into(),
                value: Some("Anna".into()),
            },
            Edit::Resize {
                doc,
                span: ids[1],
                range: CharRange::new(18, 21),
            },
            Edit::RemoveSpan {
                doc,
                span: claim.id,
            },
            Edit::AddSpan {
                doc,
                span: Span {
                    id: renumbered,
                    ..claim.clone()
                },
            },
            Edit::AddSpan {
                doc,
                span: Span::new(added, "quote", CharRange::new(0, 2)),
            },
        ])
        .apply(&mut new)
        .unwrap();
        let d = diff(&old, &new);
        assert!(d.project.is_empty());
        assert_eq!(
            d.documents[0].lines,
            [
                "+ quote 0..2 \"We\"".to_owned(),
                format!("~ span {}: speaker \"Ann\" → \"Anna\"", ids[0]),
                format!("~ span {}: range 18..28 → 18..21 \"270\"", ids[1]),
                format!("~ span {} is now span {renumbered}", claim.id),
            ]
        );
        assert!(diff(&old, &old).is_empty());
        let text = d.render();
        assert!(text.starts_with("a.txt:\n  + quote"), "{text}");
    }

    #[test]
    fn the_same_spans_under_other_ids_read_as_renumbered_not_changed() {
        // A merge's output against a coder's file: same spans, ids handed out anew.
        let old = fixture::project("p", &[("a.txt", "[claim:Kyiv] was [figure:hit].")]);
        let mut new = fixture::project("p", &[("a.txt", "Kyiv was hit.")]);
        let doc = new.documents()[0].id;
        let spans: Vec<Span> = old.documents()[0].spans().to_vec();
        // Added in the other order: ids swap.
        for (id, s) in [(2, &spans[0]), (1, &spans[1])] {
            let span = Span::new(SpanId(id), &s.label, s.range);
            Edit::AddSpan { doc, span }.apply(&mut new).unwrap();
        }
        let d = diff(&old, &new);
        assert_eq!(
            d.documents[0].lines,
            ["~ span 1 is now span 2", "~ span 2 is now span 1"]
        );
    }

    #[test]
    fn links_added_and_removed_read_as_such_and_survive_renumbering() {
        use crate::model::{Relation, RelationId, RelationType};
        let old = fixture::project("p", &[("a.txt", "[quote:We win], said [claim:Ann].")]);
        let mut new = old.clone();
        let doc = new.documents()[0].id;
        let link = Relation::new(RelationId(1), "attributed to", SpanId(1), SpanId(2));
        Edit::Batch(vec![
            Edit::AddRelation {
                doc,
                relation: link,
            },
            Edit::AddRelationType {
                index: 9,
                relation_type: RelationType::new("quotes", &[], &[]),
            },
        ])
        .apply(&mut new)
        .unwrap();
        let d = diff(&old, &new);
        assert_eq!(d.project, ["+ relation type quotes"]);
        assert_eq!(
            d.documents[0].lines,
            ["+ link attributed to: quote 0..6 \"We win\" → claim 13..16 \"Ann\""]
        );
        let back = diff(&new, &old);
        assert_eq!(
            back.documents[0].lines,
            ["- link attributed to: quote 0..6 \"We win\" → claim 13..16 \"Ann\""]
        );
        // The same link between the same spans under other ids: no change.
        let mut other = fixture::project("p", &[("a.txt", "We win, said Ann.")]);
        let d2 = other.documents()[0].id;
        Edit::Batch(vec![
            Edit::AddSpan {
                doc: d2,
                span: Span::new(SpanId(7), "claim", CharRange::new(13, 16)),
            },
            Edit::AddSpan {
                doc: d2,
                span: Span::new(SpanId(8), "quote", CharRange::new(0, 6)),
            },
            Edit::AddRelation {
                doc: d2,
                relation: Relation::new(RelationId(5), "attributed to", SpanId(8), SpanId(7)),
            },
        ])
        .apply(&mut other)
        .unwrap();
        let d = diff(&new, &other);
        assert!(
            d.documents[0].lines.iter().all(|l| !l.contains("link")),
            "{:?}",
            d.documents
        );
    }

    #[test]
    fn documents_and_labels_added_and_removed() {
        let old = fixture::project("p", &[("a.txt", "One."), ("b.txt", "Two.")]);
        let new = fixture::project("p", &[("a.txt", "One."), ("c.txt", "Three [claim:here].")]);
        let d = diff(&old, &new);
        assert_eq!(
            d.project,
            [
                "+ document \"c.txt\" (1 spans)",
                "- document \"b.txt\" (0 spans)"
            ]
        );
    }
}
