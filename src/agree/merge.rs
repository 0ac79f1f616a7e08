//! Pre-merging coders' files: the spans that at least N coders gave exactly (same
//! label, same range, same text) go into a new project; the others are listed for
//! adjudication. Documents are matched by their text; every text any coder has is in
//! the result once. An attribute is kept where every coder who gave the span gave
//! the same value; where they differ the span goes in without it and the difference is
//! listed.

use super::study::Coder;
use crate::edit::Edit;
use crate::model::{CharRange, Project, Span};
use std::collections::BTreeMap;

/// A span some coders gave and others did not, or gave with other attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Open {
    pub document: String,
    pub label: String,
    pub range: CharRange,
    pub text: String,
    /// The coders who gave it.
    pub coders: Vec<String>,
    /// Why it needs a person: too few coders, or attributes that differ.
    pub reason: String,
}

pub struct Merged {
    pub project: Project,
    pub spans: usize,
    pub open: Vec<Open>,
}

/// Merges `coders`' files: spans at least `min_coders` of them gave.
/// Merges `coders`' files: spans at least `min_coders` of them gave. With `made`
/// (who runs the merge, and when), each span records that it was adjudicated from the
/// coders who gave it.
pub fn merge(
    coders: &[Coder<'_>],
    min_coders: usize,
    name: &str,
    made: Option<(&str, &str)>,
) -> Result<Merged, String> {
    let mut project = Project::new(name);
    let mut labels = Vec::new();
    for c in coders {
        for label in c.project.labels.iter() {
            if !labels
                .iter()
                .any(|l: &crate::model::Label| l.name == label.name)
            {
                labels.push(label.clone());
            }
        }
    }
    let mut types: Vec<crate::model::RelationType> = Vec::new();
    for c in coders {
        for t in &c.project.relation_types {
            if !types.iter().any(|have| have.name == t.name) {
                types.push(t.clone());
            }
        }
    }
    let mut edits: Vec<Edit> = project
        .relation_types
        .iter()
        .map(|t| Edit::RemoveRelationType {
            name: t.name.clone(),
        })
        .collect();
    edits.extend(project.labels.iter().map(|l| Edit::RemoveLabel {
        name: l.name.clone(),
    }));
    edits.extend(labels.into_iter().map(|label| Edit::AddLabel {
        index: usize::MAX,
        label,
    }));
    edits.extend(
        types
            .into_iter()
            .map(|relation_type| Edit::AddRelationType {
                index: usize::MAX,
                relation_type,
            }),
    );
    Edit::Batch(edits)
        .apply(&mut project)
        .map_err(|e| e.to_string())?;

    let mut ids = project.fresh_ids();
    let mut open = Vec::new();
    let mut spans = 0;
    let mut seen_texts: BTreeMap<String, crate::model::DocId> = BTreeMap::new();
    let mut edits = Vec::new();
    for c in coders {
        for doc in c.project.documents() {
            if seen_texts.contains_key(doc.sha256()) {
                continue;
            }
            let id = ids.doc();
            seen_texts.insert(doc.sha256().to_owned(), id);
            let mut new =
                crate::model::Document::new(id, &doc.name, doc.text().to_owned(), &doc.encoding);
            new.source.clone_from(&doc.source);
            // (label, range) -> the coders' spans.
            let mut given: BTreeMap<(String, CharRange), Vec<(&str, &Span)>> = BTreeMap::new();
            for other in coders {
                let Some(theirs) = other.project.document_by_sha256(doc.sha256()) else {
                    continue;
                };
                for span in theirs.spans() {
                    let entry = given.entry((span.label.clone(), span.range)).or_default();
                    if !entry.iter().any(|(n, _)| *n == other.name) {
                        entry.push((other.name.as_str(), span));
                    }
                }
            }
            let mut kept = Vec::new();
            for ((label, range), by) in given {
                let text = doc.slice(range).unwrap_or("").to_owned();
                let names: Vec<String> = by.iter().map(|(n, _)| (*n).to_owned()).collect();
                if by.len() < min_coders {
                    open.push(Open {
                        document: doc.name.clone(),
                        label,
                        range,
                        text,
                        coders: names,
                        reason: format!("{} of {min_coders} coders", by.len()),
                    });
                    continue;
                }
                let mut span = Span::new(ids.span(), &label, range);
                span.provenance = made.map(|(who, when)| {
                    let coders = by.iter().map(|(n, _)| (*n).to_owned()).collect();
                    Box::new(crate::model::Provenance::new(
                        who,
                        when,
                        crate::model::How::Adjudicated { coders },
                    ))
                });
                let keys: std::collections::BTreeSet<&String> =
                    by.iter().flat_map(|(_, s)| s.attributes.keys()).collect();
                let mut differing = Vec::new();
                for key in keys {
                    let values: std::collections::BTreeSet<Option<&String>> =
                        by.iter().map(|(_, s)| s.attributes.get(key)).collect();
                    match values.into_iter().collect::<Vec<_>>().as_slice() {
                        [Some(value)] => {
                            span.attributes.insert(key.clone(), (*value).clone());
                        }
                        _ => differing.push(key.clone()),
                    }
                }
                if !differing.is_empty() {
                    open.push(Open {
                        document: doc.name.clone(),
                        label: label.clone(),
                        range,
                        text,
                        coders: names,
                        reason: format!(
                            "merged without {}: the coders differ",
                            differing.join(", ")
                        ),
                    });
                }
                kept.push(span);
            }
            spans += kept.len();
            let relations = merged_relations(doc.sha256(), coders, &kept, min_coders, &mut ids);
            open.extend(relations.1.into_iter().map(|mut o| {
                o.document.clone_from(&doc.name);
                o.text = doc.slice(o.range).unwrap_or("").to_owned();
                o
            }));
            new.set_spans(kept);
            new.set_relations(relations.0);
            edits.push(Edit::AddDocument {
                index: usize::MAX,
                document: Box::new(new),
            });
        }
    }
    Edit::Batch(edits)
        .apply(&mut project)
        .map_err(|e| e.to_string())?;
    Ok(Merged {
        project,
        spans,
        open,
    })
}

/// The links at least `min_coders` coders made between spans the merge kept (matched
/// by type and by their ends' label and range), with fresh ids; the others are listed
/// as open (document and text filled in by the caller).
fn merged_relations(
    sha256: &str,
    coders: &[Coder<'_>],
    kept: &[Span],
    min_coders: usize,
    ids: &mut crate::model::FreshIds,
) -> (Vec<crate::model::Relation>, Vec<Open>) {
    type End = (String, CharRange);
    let place: BTreeMap<End, crate::model::SpanId> = kept
        .iter()
        .map(|s| ((s.label.clone(), s.range), s.id))
        .collect();
    let mut given: BTreeMap<(String, End, End), Vec<String>> = BTreeMap::new();
    for c in coders {
        let Some(doc) = c.project.document_by_sha256(sha256) else {
            continue;
        };
        for r in doc.relations() {
            let (Some(from), Some(to)) = (doc.span(r.from), doc.span(r.to)) else {
                continue;
            };
            let key = (
                r.kind.clone(),
                (from.label.clone(), from.range),
                (to.label.clone(), to.range),
            );
            let by = given.entry(key).or_default();
            if !by.contains(&c.name) {
                by.push(c.name.clone());
            }
        }
    }
    let mut out = Vec::new();
    let mut open = Vec::new();
    for ((kind, from, to), by) in given {
        let ends = place.get(&from).zip(place.get(&to));
        match ends {
            Some((&f, &t)) if by.len() >= min_coders => {
                out.push(crate::model::Relation::new(ids.relation(), &kind, f, t));
            }
            _ => open.push(Open {
                document: String::new(),
                label: from.0.clone(),
                range: from.1,
                text: String::new(),
                reason: if ends.is_none() {
                    format!(
                        "its {} link to the {} span at {} lost an end",
                        kind, to.0, to.1
                    )
                } else {
                    format!(
                        "its {} link to the {} span at {}: {} of {min_coders} coders",
                        kind,
                        to.0,
                        to.1,
                        by.len()
                    )
                },
                coders: by,
            }),
        }
    }
    (out, open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn spans_enough_coders_share_are_merged_and_the_rest_listed() {
        let a = fixture::project(
            "a",
            &[(
                "n.txt",
                "[quote|speaker=Ann:We win], said Ann. [figure:270 drones] fell.",
            )],
        );
        let b = fixture::project(
            "b",
            &[(
                "n.txt",
                "[quote|speaker=Ann:We win], said Ann. [figure:270] drones fell.",
            )],
        );
        let c = fixture::project(
            "c",
            &[(
                "n.txt",
                "[quote|speaker=A.:We win], said Ann. [figure:270 drones] fell.",
            )],
        );
        let coders: Vec<Coder<'_>> = [("a", &a), ("b", &b), ("c", &c)]
            .into_iter()
            .map(|(n, p)| Coder {
                name: n.to_owned(),
                project: p,
            })
            .collect();
        let merged = merge(&coders, 2, "Curated", Some(("Eve", "2026-01-02T03:04:05Z"))).unwrap();
        let doc = &merged.project.documents()[0];
        let texts: Vec<(&str, &str)> = doc
            .spans()
            .iter()
            .map(|s| (s.label.as_str(), doc.slice(s.range).unwrap()))
            .collect();
        assert_eq!(texts, [("quote", "We win"), ("figure", "270 drones")]);
        assert_eq!(merged.spans, 2);
        // The quote: speakers differ (Ann, Ann, A.), so no speaker, and it is listed.
        assert!(doc.spans()[0].attributes.get("speaker").is_none());
        let reasons: Vec<&str> = merged.open.iter().map(|o| o.reason.as_str()).collect();
        assert_eq!(
            reasons,
            ["1 of 2 coders", "merged without speaker: the coders differ"]
        );
        assert_eq!(merged.open[0].text, "270");
        assert_eq!(merged.open[0].coders, ["b"]);
        // With all three required, only the quote stays.
        assert_eq!(merge(&coders, 3, "C", None).unwrap().spans, 1);
        // Each merged span records who merged it, when, and from which coders.
        let made = doc.spans()[0].provenance.as_ref().unwrap();
        assert_eq!(
            (made.who.as_str(), made.when.as_str()),
            ("Eve", "2026-01-02T03:04:05Z")
        );
        let crate::model::How::Adjudicated { coders } = &made.how else {
            panic!("{made:?}");
        };
        assert_eq!(coders, &["a", "b", "c"]);
    }
}
