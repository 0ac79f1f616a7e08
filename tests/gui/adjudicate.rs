//! Adjudicating three coders' files in the window: the coders' files are layers over
//! the curated project; J steps through the disagreements, Alt+N takes coder N's
//! version, a click takes all versions, Ctrl+Z undoes, Ctrl+Shift+A accepts what every
//! coder gave; Ctrl+S writes the curated project and nothing else.

use super::*;
use spanmark::agree::merge::merge;
use spanmark::agree::study::Coder;

const A: &str = "[quote|speaker=Ann:We will win], said Ann. [figure:270 drones] fell on [claim:Kyiv roads]. Prices rose [figure:40%].";
const B: &str = "[quote|speaker=Ann:We will win], said Ann. [figure:270] drones fell on [quote:Kyiv roads]. Prices rose [figure:40%].";
const C: &str = "[quote|speaker=A.:We will win], said Ann. [figure:270 drones] fell on Kyiv roads. Prices rose [figure:40%].";

struct Team {
    w: Window,
    coders: Vec<PathBuf>,
}

fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let mut coders = Vec::new();
    let mut projects = Vec::new();
    for (name, markup) in [("ann", A), ("bob", B), ("cat", C)] {
        let project = fixture::project(name, &[("n.txt", markup)]);
        let path = dir.path().join(format!("{name}.ron"));
        store::save(&project, &path).unwrap();
        coders.push(path);
        projects.push((name.to_owned(), project));
    }
    let as_coders: Vec<Coder<'_>> = projects
        .iter()
        .map(|(name, project)| Coder {
            name: name.clone(),
            project,
        })
        .collect();
    // The curated project as `spanmark adjudicate` makes it: the texts, no spans.
    let curated = merge(&as_coders, usize::MAX, "curated", None)
        .unwrap()
        .project;
    let path = dir.path().join("curated.ron");
    store::save(&curated, &path).unwrap();
    let layers = coders.clone();
    let h = harness_on(vec![path.clone()], dir.path().join("data"), |c| {
        c.layers = layers;
    });
    Team {
        w: Window { h, dir, path },
        coders,
    }
}

fn curated_spans(w: &Window) -> Vec<(String, String, Option<String>)> {
    let session = &w.h.state().session;
    let doc = session.document().unwrap();
    doc.spans()
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                doc.slice(s.range).unwrap().to_owned(),
                s.attributes.get("speaker").cloned(),
            )
        })
        .collect()
}

fn span(label: &str, text: &str, speaker: Option<&str>) -> (String, String, Option<String>) {
    (
        label.to_owned(),
        text.to_owned(),
        speaker.map(str::to_owned),
    )
}

#[test]
fn three_coders_are_adjudicated_with_keys_and_clicks_and_saved() {
    let Team { mut w, coders } = team();
    let before: Vec<Vec<u8>> = coders.iter().map(|p| std::fs::read(p).unwrap()).collect();
    w.h.run_steps(2);
    assert!(w.shows("3 disagreements"), "{:?}", w.texts());
    assert!(w.shows_containing("Accept all agreed (1)"));
    // The agreement figures for the document and the set.
    assert!(w.shows("This doc.") && w.shows("All (1 docs)"));

    // J: the first disagreement, the quote whose speaker differs; its versions show.
    w.key(Key::J);
    assert!(w.shows("1 of 3: speaker (0–11)"), "{:?}", w.texts());
    assert!(w.shows("“We will win” — A."));
    // Alt+1 takes ann's version, speaker included.
    w.h.key_press_modifiers(Modifiers::ALT, Key::Num1);
    w.h.run_steps(2);
    assert_eq!(
        curated_spans(&w),
        [span("quote", "We will win", Some("Ann"))]
    );

    // J again: the figure's boundaries; "Take all" takes both versions.
    w.key(Key::J);
    assert!(w.shows("2 of 3: boundaries (23–33)"), "{:?}", w.texts());
    w.button("Take all Alt+A");
    assert_eq!(curated_spans(&w).len(), 3, "{:?}", curated_spans(&w));
    // One undo step takes both away again.
    w.ctrl(Key::Z);
    assert_eq!(
        curated_spans(&w),
        [span("quote", "We will win", Some("Ann"))]
    );
    // bob's boundaries instead, by its button.
    w.button("Take bob's Alt+2");
    assert_eq!(curated_spans(&w)[1], span("figure", "270", None));

    // The third: "Kyiv roads", a claim for ann, a quote for bob, nothing for cat: none.
    w.key(Key::J);
    assert!(w.shows("3 of 3: missing, label (42–52)"), "{:?}", w.texts());
    w.h.key_press_modifiers(Modifiers::ALT, Key::Num0);
    w.h.run_steps(2);
    assert_eq!(curated_spans(&w).len(), 2);

    // Everything all three agree on, in one step.
    w.ctrl_shift(Key::A);
    assert_eq!(
        curated_spans(&w),
        [
            span("quote", "We will win", Some("Ann")),
            span("figure", "270", None),
            span("figure", "40%", None),
        ]
    );
    w.ctrl(Key::Z);
    assert_eq!(curated_spans(&w).len(), 2);
    w.ctrl(Key::Y);
    assert_eq!(curated_spans(&w).len(), 3);

    w.save();
    assert_eq!(
        w.saved_spans(),
        [
            ("quote".to_owned(), "We will win".to_owned()),
            ("figure".to_owned(), "270".to_owned()),
            ("figure".to_owned(), "40%".to_owned()),
        ]
    );
    let saved = w.saved();
    assert_eq!(
        saved.documents()[0].spans()[0]
            .attributes
            .get("speaker")
            .map(String::as_str),
        Some("Ann")
    );
    // The coders' files are untouched.
    for (path, bytes) in coders.iter().zip(before) {
        assert_eq!(std::fs::read(path).unwrap(), bytes, "{}", path.display());
    }
}

#[test]
fn coders_files_are_added_from_the_file_menu_path_field() {
    let Team { w, coders } = team();
    let mut w = w;
    // A window on the curated project alone.
    let h = harness_on(vec![w.path.clone()], w.dir.path().join("data2"), |_| {});
    w.h = h;
    assert!(!w.shows("Adjudicate"));
    w.h.get_by_label("File").click();
    w.h.run_steps(2);
    w.h.get_by_label("Add coders' files…").click();
    w.h.run_steps(3);
    super::interop::give_path(&mut w, &coders[0]);
    assert!(w.shows("Adjudicate"), "{:?}", w.texts());
    assert_eq!(w.h.state().session.layers().coders().len(), 1);
}
