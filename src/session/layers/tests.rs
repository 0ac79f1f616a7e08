use super::*;
use crate::fixture;

fn docs(markups: &[&str]) -> Vec<Project> {
    markups
        .iter()
        .enumerate()
        .map(|(k, m)| fixture::project(&format!("c{k}"), &[("n.txt", m)]))
        .collect()
}

fn units(projects: &[Project]) -> Vec<Disagreement> {
    let docs: Vec<Option<&Document>> = projects.iter().map(|p| p.documents().first()).collect();
    clusters(&docs)
}

#[test]
fn identical_spans_are_agreed_and_differences_get_their_kind() {
    let p = docs(&[
        "[quote|speaker=Ann:We win], said Ann. [figure:270 drones] fell. [claim:Roads] ok.",
        "[quote|speaker=Ann:We win], said Ann. [figure:270] drones fell. [quote:Roads] ok.",
        "[quote|speaker=A.:We win], said Ann. [figure:270 drones] fell. Roads ok.",
    ]);
    let u = units(&p);
    assert_eq!(u.len(), 3);
    // The quote: same range, one speaker differs.
    assert_eq!(
        u[0].kinds,
        Kinds {
            speaker: true,
            ..Kinds::default()
        }
    );
    // The figure: boundaries.
    assert_eq!(
        u[1].kinds,
        Kinds {
            boundaries: true,
            ..Kinds::default()
        }
    );
    // "Roads": a claim, a quote (same range, other label), and nothing from c2.
    assert_eq!(
        u[2].kinds,
        Kinds {
            missing: true,
            label: true,
            ..Kinds::default()
        }
    );
    assert_eq!(u[2].kinds.describe(), "missing, label");
    assert_eq!(u[2].of(2).count(), 0);
    assert_eq!(u[2].distinct().len(), 2);
}

#[test]
fn agreed_units_and_coders_without_the_text() {
    let p = docs(&["[claim:One] two [figure:3]", "[claim:One] two [figure:3]"]);
    let u = units(&p);
    assert!(u.iter().all(Disagreement::agreed));
    // A coder who lacks the text is not counted as missing the span.
    let one: Vec<Option<&Document>> = vec![p[0].documents().first(), None];
    let u = clusters(&one);
    assert!(u.iter().all(Disagreement::agreed));
    assert_eq!(u[0].coders, [0]);
    // Overlapping spans of different labels are separate units.
    let p = docs(&["[quote:We [figure:3] win]", "[quote:We 3 win]"]);
    let u = units(&p);
    assert_eq!(u.len(), 2);
    assert!(u[0].agreed() && !u[1].agreed() && u[1].kinds.missing);
}

#[test]
fn taking_a_version_replaces_the_other_versions_only() {
    let p = docs(&[
        "[figure:270 drones] fell. [claim:Other]",
        "[figure:270] drones fell. [claim:Other]",
    ]);
    let u = units(&p);
    let figure = &u[0];
    // The curated document holds coder 1's version and an unrelated claim.
    let mut curated = fixture::project(
        "cur",
        &[("n.txt", "[figure:270] drones fell. [claim:Other]")],
    );
    let doc = curated.documents()[0].clone();
    let mut ids = curated.fresh_ids();
    let edits = take_edits(figure, Take::Coder(0), &doc, &mut ids);
    assert_eq!(edits.len(), 2, "{edits:?}");
    Edit::Batch(edits).apply(&mut curated).unwrap();
    let doc = &curated.documents()[0];
    let spans: Vec<&str> = doc
        .spans()
        .iter()
        .map(|s| doc.slice(s.range).unwrap())
        .collect();
    assert_eq!(spans, ["270 drones", "Other"]);
    assert_eq!(curated_versions(figure, doc).len(), 1);
    // Taking the same again changes nothing; all adds the other; none removes both.
    let mut ids = curated.fresh_ids();
    assert!(take_edits(figure, Take::Coder(0), doc, &mut ids).is_empty());
    assert_eq!(take_edits(figure, Take::All, doc, &mut ids).len(), 1);
    let none = take_edits(figure, Take::None, doc, &mut ids);
    assert_eq!(none.len(), 1);
    assert!(matches!(none[0], Edit::RemoveSpan { .. }));
}

#[test]
fn taking_a_speaker_sets_the_attribute_of_the_span_there() {
    let p = docs(&["[quote|speaker=Ann:We win]", "[quote|speaker=Bo:We win]"]);
    let u = units(&p);
    let curated = fixture::project("cur", &[("n.txt", "[quote|speaker=Ann:We win]")]);
    let doc = &curated.documents()[0];
    let mut ids = curated.fresh_ids();
    let edits = take_edits(&u[0], Take::Coder(1), doc, &mut ids);
    assert!(
        matches!(&edits[..], [Edit::SetAttribute { value: Some(v), .. }] if v == "Bo"),
        "{edits:?}"
    );
    assert_eq!(speaker(&u[0].versions[1]), Some("Bo"));
}
