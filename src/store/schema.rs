//! The parts of a project file that say what spans may carry and how they link:
//! typed attribute fields, relation types and each document's relations, checked on
//! the way in. What makes a file unusable (a relation to a span that is not there, a
//! type nobody defined) is a [`Problem`] that refuses the file; a value that does not
//! fit its field is only reported ([`crate::model::check`]), never dropped.

use super::file::{AttributeFile, RelationFile, RelationTypeFile};
use super::problem::{Problem, problem};
use crate::model::label::is_valid_label_name;
use crate::model::{
    AttributeDef, AttributeKind, Document, LabelSet, MAX_ID, Relation, RelationId, RelationType,
    SpanId,
};
use crate::shown::quoted;
use std::collections::HashSet;

/// A label's fields as read; `label` names it in messages.
pub(super) fn fields_from_file(
    label: &str,
    fields: Vec<AttributeFile>,
    problems: &mut Vec<Problem>,
) -> Vec<AttributeDef> {
    let mut names = HashSet::new();
    let mut out = Vec::with_capacity(fields.len());
    for field in fields {
        let (name, kind) = match field {
            AttributeFile::Name(name) => (name, Ok(AttributeKind::Text)),
            AttributeFile::Typed { name, kind, values } => {
                let kind = AttributeKind::from_name(kind.as_deref().unwrap_or("text"), values);
                (name, kind)
            }
        };
        // Older files were written without these checks: a blank or repeated field
        // name holds no value of its own and is passed over.
        if name.trim().is_empty() || !names.insert(name.clone()) {
            continue;
        }
        let at =
            |message: String| problem(None, None, format!("label {}: {message}", quoted(label)));
        match kind {
            Ok(kind) => out.push(AttributeDef { name, kind }),
            Err(why) => problems.push(at(format!("attribute {}: {why}", quoted(&name)))),
        }
    }
    out
}

/// The relation types as read; a file without any (version 1) gets the default types
/// whose labels it has.
pub(super) fn relation_types_from_file(
    types: Option<Vec<RelationTypeFile>>,
    labels: &LabelSet,
    problems: &mut Vec<Problem>,
) -> Vec<RelationType> {
    let Some(types) = types else {
        return RelationType::defaults()
            .into_iter()
            .filter(|t| t.from.iter().chain(&t.to).all(|l| labels.contains(l)))
            .collect();
    };
    let mut names = HashSet::new();
    let mut out = Vec::with_capacity(types.len());
    for t in types {
        if !is_valid_label_name(&t.name) {
            let message = format!("relation type name {} is not usable", quoted(&t.name));
            problems.push(problem(None, None, message));
        }
        if !names.insert(t.name.clone()) {
            let message = format!("relation type {} is defined twice", quoted(&t.name));
            problems.push(problem(None, None, message));
        }
        for label in t.from.iter().chain(&t.to) {
            if !labels.contains(label) {
                let message = format!(
                    "relation type {}: label {} is not in the project's label set",
                    quoted(&t.name),
                    quoted(label)
                );
                problems.push(problem(None, None, message));
            }
        }
        out.push(RelationType {
            name: t.name,
            from: t.from,
            to: t.to,
        });
    }
    out
}

/// A document's relations as read: ids unique in the project, types defined, both
/// ends spans of this document, no relation twice. Whether the ends' labels are the
/// ones the type allows is a finding, not a refusal ([`crate::model::check`]).
pub(super) fn relations_from_file(
    relations: Vec<RelationFile>,
    document: &Document,
    types: &[RelationType],
    relation_ids: &mut HashSet<u64>,
    problems: &mut Vec<Problem>,
) -> Vec<Relation> {
    let name = &document.name;
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(relations.len());
    for r in relations {
        let before = problems.len();
        let mut at = |message: String| {
            problems.push(problem(
                Some(name),
                None,
                format!("relation {}: {message}", r.id),
            ));
        };
        if r.id == 0 || r.id > MAX_ID {
            at(format!("id {} is not between 1 and {MAX_ID}", r.id));
        } else if !relation_ids.insert(r.id) {
            at("the id is used twice in the project".to_owned());
        }
        if !types.iter().any(|t| t.name == r.kind) {
            at(format!(
                "type {} is not one of the project's relation types",
                quoted(&r.kind)
            ));
        }
        for (end, id) in [("from", r.from), ("to", r.to)] {
            if document.span(SpanId(id)).is_none() {
                at(format!("{end} span {id} is not a span of this document"));
            }
        }
        if r.from == r.to {
            at("it links a span to itself".to_owned());
        }
        if !seen.insert((r.kind.clone(), r.from, r.to)) {
            at(format!(
                "another {} relation links span {} to span {}",
                quoted(&r.kind),
                r.from,
                r.to
            ));
        }
        if problems.len() == before {
            out.push(Relation::new(
                RelationId(r.id),
                &r.kind,
                SpanId(r.from),
                SpanId(r.to),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::edit::Edit;
    use crate::fixture;
    use crate::model::check::{At, findings};
    use crate::model::{
        AttributeDef, AttributeKind, Label, Project, Relation, RelationId, RelationType, SpanId,
    };
    use crate::store::{StoreError, parse, to_ron};

    /// Quote 1 "said" by the person span 3 names; claim 2 supported by figure 4.
    fn linked() -> Project {
        let mut p = fixture::project(
            "Linked",
            &[(
                "a.txt",
                "[claim:[quote:“We lost [figure:270] drones”]], said [claim:Olena Ivanova].",
            )],
        );
        let doc = p.documents()[0].id;
        let ids: Vec<(String, SpanId)> = p.documents()[0]
            .spans()
            .iter()
            .map(|s| (s.label.clone(), s.id))
            .collect();
        let id = |label: &str, nth: usize| {
            ids.iter()
                .filter(|(l, _)| l == label)
                .nth(nth)
                .map(|(_, id)| *id)
                .unwrap()
        };
        let (claim, quote, figure, person) = (
            id("claim", 0),
            id("quote", 0),
            id("figure", 0),
            id("claim", 1),
        );
        let mut edits = vec![
            Edit::AddLabel {
                index: 9,
                label: Label::new("source", "#000000", None, &[])
                    .with_field(AttributeDef {
                        name: "url".into(),
                        kind: AttributeKind::Url,
                    })
                    .with_field(AttributeDef {
                        name: "seen".into(),
                        kind: AttributeKind::Date,
                    })
                    .with_field(AttributeDef {
                        name: "n".into(),
                        kind: AttributeKind::Number,
                    })
                    .with_field(AttributeDef {
                        name: "about".into(),
                        kind: AttributeKind::Span,
                    }),
            },
            Edit::AddRelationType {
                index: 9,
                relation_type: RelationType::new("cites", &["source"], &[]),
            },
        ];
        let relations = [
            ("attributed to", quote, person),
            ("supported by", claim, figure),
        ];
        for (i, (kind, from, to)) in relations.into_iter().enumerate() {
            let relation = Relation::new(RelationId(i as u64 + 1), kind, from, to);
            edits.push(Edit::AddRelation { doc, relation });
        }
        edits.push(Edit::SetAttribute {
            doc,
            span: figure,
            key: "kind".into(),
            value: Some("count".into()),
        });
        Edit::Batch(edits).apply(&mut p).unwrap();
        p
    }

    #[test]
    fn typed_fields_relation_types_and_relations_round_trip() {
        let p = linked();
        let ron = to_ron(&p);
        assert!(
            ron.contains("(name: \"kind\", type: \"choice\", values: [\"count\", \"money\""),
            "{ron}"
        );
        assert!(
            ron.contains(
                "(name: \"supported by\", from: [\"claim\"], to: [\"figure\", \"quote\"]),"
            ),
            "{ron}"
        );
        assert!(
            ron.contains("relations: [\n        (id: 1, type: \"attributed to\", from: "),
            "{ron}"
        );
        let back = parse(&ron, "x.ron").unwrap();
        assert_eq!(back.labels, p.labels);
        assert_eq!(back.relation_types, p.relation_types);
        assert_eq!(back.documents(), p.documents());
        assert_eq!(back.next_relation_id(), 3);
        assert_eq!(
            to_ron(&back),
            ron,
            "saving a loaded project changes nothing"
        );
        assert_eq!(
            back.find_relation(RelationId(2)).unwrap().1.kind,
            "supported by"
        );
    }

    #[test]
    fn version_1_files_load_with_text_fields_and_the_default_relation_types() {
        let v1 = r##"(
  format: "spanmark-project",
  version: 1,
  name: "Old",
  labels: [
    (name: "quote", color: "#0072B2", key: Some('q'), attributes: ["speaker", "", "speaker"]),
    (name: "claim", color: "#D55E00", key: Some('c'), attributes: []),
  ],
  next_span_id: 2,
  documents: [(id: 1, name: "a.txt", sha256: "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", text: "a",
    spans: [(id: 1, label: "quote", start: 0, end: 1, attributes: {"speaker": "Ann"})])],
  )"##;
        let p = parse(v1, "old.ron").unwrap();
        let quote = p.labels.get("quote").unwrap();
        assert_eq!(quote.attributes, [AttributeDef::text("speaker")]);
        // "supported by" needs figure, which this file has not: only the other defaults.
        let names: Vec<&str> = p.relation_types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["attributed to", "claimed by"]);
        assert!(to_ron(&p).contains("version: 2,"));
    }

    #[test]
    fn broken_relations_are_refused_with_where_they_are() {
        let ron = to_ron(&linked());
        for (from, to, expected) in [
            (
                "type: \"attributed to\"",
                "type: \"said by\"",
                "relation 1: type \"said by\" is not one of the project's relation types",
            ),
            (
                "(id: 2, type",
                "(id: 1, type",
                "relation 1: the id is used twice in the project",
            ),
            (
                "from: 3, to: 1)",
                "from: 3, to: 99)",
                "relation 2: to span 99 is not a span of this document",
            ),
            (
                "(name: \"kind\", type: \"choice\", values: [\"count\"",
                "(name: \"kind\", type: \"colour\", values: [\"count\"",
                "attribute \"kind\": \"colour\" is not an attribute type",
            ),
            (
                "(name: \"cites\", from: [\"source\"]",
                "(name: \"cites\", from: [\"sauce\"]",
                "relation type \"cites\": label \"sauce\" is not in the project's label set",
            ),
        ] {
            assert!(ron.contains(from), "{from} not in {ron}");
            let broken = ron.replacen(from, to, 1);
            match parse(&broken, "x.ron") {
                Err(StoreError::Invalid { problems, .. }) => assert!(
                    problems.iter().any(|p| p.to_string().contains(expected)),
                    "{expected} not in {problems:?}"
                ),
                other => panic!("{expected}: {other:?}"),
            }
        }
    }

    #[test]
    fn values_outside_their_field_load_and_are_reported_never_dropped() {
        let ron = to_ron(&linked()).replacen("{\"kind\": \"count\"}", "{\"kind\": \"lots\"}", 1);
        let p = parse(&ron, "x.ron").unwrap();
        let found = findings(&p);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .to_string()
                .contains("\"kind\" \"lots\" is not one of \"count\""),
            "{}",
            found[0]
        );
        assert!(matches!(found[0].at, At::Span(_)));
        assert!(
            to_ron(&p).contains("{\"kind\": \"lots\"}"),
            "kept as it was"
        );
        // A relation whose ends have labels its type does not allow: loaded, reported.
        let ron = to_ron(&linked()).replacen(
            "type: \"supported by\", from:",
            "type: \"attributed to\", from:",
            1,
        );
        let p = parse(&ron, "x.ron").unwrap();
        let found = findings(&p);
        assert!(
            found.iter().any(|f| f.at == At::Relation(RelationId(2))
                && f.message
                    .contains("links from a \"quote\" span, not a \"claim\"")),
            "{found:?}"
        );
    }
}
