//! brat's own configuration for an exported folder (issue 12): brat's
//! `verify_annotations` checks every `.ann` line against `annotation.conf`; this test
//! does the same checks on an export with overlapping and nested spans, speakers of one
//! word and of several, notes over several lines (which must come back whole), and
//! relations (`R` lines, declared under `[relations]` with the types of their ends).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::edit::Edit;
use spanmark::fixture;
use spanmark::formats::{brat, json};
use std::collections::{BTreeMap, BTreeSet};

/// `annotation.conf` read as brat reads it: section -> lines.
fn sections(conf: &str) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut current = String::new();
    for line in conf.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.to_owned();
            out.entry(current.clone()).or_default();
        } else {
            out.entry(current.clone())
                .or_default()
                .push(line.to_owned());
        }
    }
    out
}

#[test]
fn every_ann_line_is_declared_in_annotation_conf_and_notes_keep_their_lines() {
    let mut project = fixture::project(
        "brat",
        &[(
            "a.txt",
            "[claim:[quote|speaker=Zelensky:We will [figure:win]]] and [quote|speaker=Anna Berger:rebuild] 👋 [claim:it].",
        )],
    );
    let doc = project.documents()[0].id;
    let quote = project.documents()[0]
        .spans()
        .iter()
        .find(|s| s.label == "quote")
        .unwrap()
        .id;
    Edit::SetNote {
        doc,
        span: quote,
        note: Some("first line\nsecond \\ line".into()),
    }
    .apply(&mut project)
    .unwrap();
    // Relations of both default types, one of them between nested spans.
    let spans = project.documents()[0].spans().to_vec();
    let text = project.documents()[0].text().to_owned();
    let find = |label: &str, t: &str| {
        spans
            .iter()
            .find(|s| {
                s.label == label
                    && text
                        .chars()
                        .skip(s.range.start.0)
                        .take(s.range.end.0 - s.range.start.0)
                        .collect::<String>()
                        == t
            })
            .unwrap()
            .id
    };
    for (kind, from, to) in [
        (
            "attributed to",
            find("quote", "rebuild"),
            find("claim", "it"),
        ),
        (
            "supported by",
            find("claim", "We will win"),
            find("figure", "win"),
        ),
        (
            "supported by",
            find("claim", "it"),
            find("quote", "rebuild"),
        ),
    ] {
        let relation = spanmark::model::Relation::new(
            spanmark::model::RelationId(project.next_relation_id()),
            kind,
            from,
            to,
        );
        Edit::AddRelation { doc, relation }
            .apply(&mut project)
            .unwrap();
    }
    let export = json::build(&project);
    let dir = tempfile::tempdir().unwrap();
    brat::write_files(&export, dir.path()).unwrap();
    let conf = std::fs::read_to_string(dir.path().join("annotation.conf")).unwrap();
    let visual = std::fs::read_to_string(dir.path().join("visual.conf")).unwrap();
    let ann = std::fs::read_to_string(dir.path().join("a.ann")).unwrap();
    let sections = sections(&conf);
    for name in ["entities", "relations", "events", "attributes"] {
        assert!(sections.contains_key(name), "no [{name}] in\n{conf}");
    }
    let entities: BTreeSet<&str> = sections["entities"].iter().map(String::as_str).collect();
    assert!(
        sections["relations"]
            .iter()
            .any(|l| l.starts_with("<OVERLAP>") && l.contains("<OVL-TYPE>:<ANY>")),
        "overlaps not allowed:\n{conf}"
    );
    // attribute -> (types, values)
    let attributes: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = sections["attributes"]
        .iter()
        .map(|line| {
            let (name, rest) = line.split_once('\t').unwrap();
            let mut types = BTreeSet::new();
            let mut values = BTreeSet::new();
            for part in rest.split(", ") {
                if let Some(t) = part.strip_prefix("Arg:") {
                    types.extend(t.split('|').map(str::to_owned));
                } else if let Some(v) = part.strip_prefix("Value:") {
                    values.extend(v.split('|').map(str::to_owned));
                }
            }
            (name.to_owned(), (types, values))
        })
        .collect();
    // relation type -> (Arg1 types, Arg2 types); `<ENTITY>` is any entity type.
    let relations: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = sections["relations"]
        .iter()
        .filter(|l| !l.starts_with("<OVERLAP>"))
        .map(|line| {
            let (name, rest) = line.split_once('\t').unwrap();
            let args: Vec<BTreeSet<String>> = rest
                .split(", ")
                .map(|a| {
                    a.split_once(':')
                        .unwrap()
                        .1
                        .split('|')
                        .map(str::to_owned)
                        .collect()
                })
                .collect();
            (name.to_owned(), (args[0].clone(), args[1].clone()))
        })
        .collect();
    assert_eq!(
        relations["attributed_to"],
        (
            BTreeSet::from(["quote".to_owned()]),
            BTreeSet::from(["<ENTITY>".to_owned()])
        ),
        "{conf}"
    );
    let allowed = |set: &BTreeSet<String>, kind: &str| {
        set.contains(kind) || (set.contains("<ENTITY>") && entities.contains(kind))
    };
    let mut types_of = BTreeMap::new();
    let mut errors = Vec::new();
    let mut r_lines = 0;
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match line.chars().next() {
            Some('T') => {
                let kind = fields[1].split(' ').next().unwrap();
                types_of.insert(fields[0].to_owned(), kind.to_owned());
                if !entities.contains(kind) {
                    errors.push(format!("undefined entity type {kind}: {line}"));
                }
            }
            Some('A') => {
                let parts: Vec<&str> = fields[1].split(' ').collect();
                let (name, target, value) =
                    (parts[0], parts[1], parts.get(2).copied().unwrap_or(""));
                match attributes.get(name) {
                    None => errors.push(format!("undefined attribute {name}: {line}")),
                    Some((types, values)) => {
                        if !types.contains(&types_of[target]) {
                            errors.push(format!(
                                "{name} not allowed on {}: {line}",
                                types_of[target]
                            ));
                        }
                        if !values.contains(value) {
                            errors.push(format!("value {value} not declared for {name}: {line}"));
                        }
                    }
                }
            }
            Some('#') => assert!(fields[1].starts_with("AnnotatorNotes T"), "{line}"),
            Some('R') => {
                r_lines += 1;
                let parts: Vec<&str> = fields[1].split(' ').collect();
                let arg = |p: &str, name: &str| p.strip_prefix(name).unwrap().to_owned();
                let (name, arg1, arg2) = (parts[0], arg(parts[1], "Arg1:"), arg(parts[2], "Arg2:"));
                match relations.get(name) {
                    None => errors.push(format!("undefined relation type {name}: {line}")),
                    Some((from, to)) => {
                        for (set, end) in [(from, &arg1), (to, &arg2)] {
                            match types_of.get(end) {
                                None => errors.push(format!("{end} is not a T before: {line}")),
                                Some(kind) if !allowed(set, kind) => {
                                    errors.push(format!("{kind} not allowed for {name}: {line}"));
                                }
                                Some(_) => {}
                            }
                        }
                    }
                }
            }
            _ => errors.push(format!("unexpected line: {line}")),
        }
    }
    assert!(errors.is_empty(), "{errors:#?}\n{conf}\n{ann}");
    assert_eq!(r_lines, 3, "{ann}");
    assert!(ann.contains("A1\tspeaker T"), "{ann}");
    assert!(ann.contains("AnnotatorNotes T"), "{ann}");
    assert!(visual.contains("quote\tbgColor:#0072B2"), "{visual}");
    // Back in: the note over two lines, the two speakers, the three relations.
    let (spans, links, found) = brat::read_with_relations(
        &ann,
        project.documents()[0].text(),
        &project.labels,
        &project.relation_types,
        0,
    );
    assert!(found.problems.is_empty(), "{found:?}");
    let kinds: Vec<&str> = links.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["attributed to", "supported by", "supported by"]);
    let quotes: Vec<(Option<&str>, Option<&str>)> = spans
        .iter()
        .filter(|s| s.label == "quote")
        .map(|s| {
            (
                s.note.as_deref(),
                s.attributes.get("speaker").map(String::as_str),
            )
        })
        .collect();
    assert_eq!(
        quotes,
        [
            (Some("first line\nsecond \\ line"), Some("Zelensky")),
            (None, Some("Anna Berger"))
        ]
    );
}
