//! A claim checked from the keyboard alone: Tab selects it, Alt+S steps its status
//! (to check → checking → checked, which dates the check), F2 puts the keyboard in its
//! sources, Escape gives it back to the article, Ctrl+n gives the n-th verdict of the
//! scale; the inspector shows each step, the saved file has them, and undo takes them
//! back one at a time.

use crate::Window;
use egui::accesskit::{Role, Toggled};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

fn field(w: &Window, key: &str) -> Option<String> {
    w.saved().documents()[0].spans()[0]
        .attributes
        .get(key)
        .cloned()
}

fn alt(w: &mut Window, key: Key) {
    w.h.key_press_modifiers(Modifiers::ALT, key);
    w.h.run_steps(2);
}

/// The status button lit in the inspector.
fn lit_status(w: &Window) -> Vec<String> {
    ["to check", "checking", "checked"]
        .into_iter()
        .filter(|s| {
            w.h.query_all_by_label(s)
                .any(|n| n.accesskit_node().toggled() == Some(Toggled::True))
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_claim_goes_from_to_check_to_a_verdict_with_its_sources_by_keyboard() {
    let mut w = Window::open(&[(
        "a.txt",
        "The minister said [claim:exports fell 12% in May] after the strike.",
    )]);
    // Tab selects the claim; it is still to be checked.
    w.key(Key::Tab);
    assert!(w.status().starts_with("Span 1: claim"), "{}", w.status());
    assert_eq!(lit_status(&w), ["to check"]);

    // Alt+S: checking.
    alt(&mut w, Key::S);
    assert_eq!(lit_status(&w), ["checking"]);
    w.save();
    assert_eq!(field(&w, "status").as_deref(), Some("checking"));

    // F2: the keyboard goes to the sources; two sources, a line each.
    w.key(Key::F2);
    w.h.run_steps(2);
    let sources = w.field("sources");
    assert!(sources.is_focused(), "F2 focuses the claim's sources");
    sources.type_text("https://stats.example/trade/may the statistics office's table");
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.field("sources")
        .type_text("https://ministry.example/strike the ministry's note");
    w.h.run_steps(1);
    // Escape ends the field and gives the keyboard back to the article.
    w.key(Key::Escape);
    w.save();
    assert_eq!(
        field(&w, "sources").as_deref(),
        Some(
            "https://stats.example/trade/may the statistics office's table\n\
             https://ministry.example/strike the ministry's note"
        )
    );
    assert!(w.status().starts_with("Span 1: claim"), "still selected");

    // Ctrl+4: the fourth verdict of the scale; Alt+S: checked, dated today.
    w.ctrl(Key::Num4);
    alt(&mut w, Key::S);
    assert_eq!(lit_status(&w), ["checked"]);
    let verdict = w.h.get_by_role_and_label(Role::ComboBox, "verdict");
    assert_eq!(
        verdict.accesskit_node().value().as_deref(),
        Some("mostly false")
    );
    w.save();
    assert_eq!(field(&w, "verdict").as_deref(), Some("mostly false"));
    assert_eq!(field(&w, "status").as_deref(), Some("checked"));
    let today: String = w.h.state().session.now().chars().take(10).collect();
    assert_eq!(field(&w, "reviewed"), Some(today));

    // Undo: the status and the date it brought go in one step, then the verdict.
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(field(&w, "status").as_deref(), Some("checking"));
    assert_eq!(field(&w, "reviewed"), None);
    assert_eq!(field(&w, "verdict").as_deref(), Some("mostly false"));
    w.ctrl(Key::Z);
    w.save();
    assert_eq!(field(&w, "verdict"), None);
}

#[test]
fn the_claim_keys_on_a_span_that_is_no_claim_say_so() {
    let mut w = Window::open(&[("a.txt", "Officials counted [figure:270 drones] overnight.")]);
    w.key(Key::Tab);
    alt(&mut w, Key::S);
    assert!(
        w.messages()
            .iter()
            .any(|m| m.contains("is a figure, not a claim")),
        "{:?}",
        w.messages()
    );
    w.save();
    assert_eq!(field(&w, "status"), None);
}

#[test]
fn the_desk_files_are_written_from_the_file_menu_and_say_what_they_left_out() {
    use crate::interop::{give_path, menu};
    let mut w = Window::open(&[(
        "a.txt",
        "[claim:Exports fell 12% in May], the minister said. [claim:Imports rose].",
    )]);
    // The first claim checked, with a verdict and the address of the published check.
    w.key(Key::Tab);
    w.ctrl(Key::Num5);
    alt(&mut w, Key::S);
    alt(&mut w, Key::S);
    w.field("review url").click();
    w.h.run_steps(1);
    w.field("review url")
        .type_text("https://check.example/exports-may");
    w.h.run_steps(1);
    w.key(Key::Enter);

    let path = w.dir.path().join("reviews.json");
    menu(&mut w, &["Fact-check desk", "Export ClaimReview JSON-LD…"]);
    give_path(&mut w, &path);
    assert!(
        w.shows_containing("Exported 1 ClaimReview:"),
        "{:?}",
        w.messages()
    );
    assert!(
        w.shows_containing("1 claim not exported: not checked yet"),
        "{:?}",
        w.messages()
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let review = &json["@graph"][0];
    assert_eq!(review["claimReviewed"], "Exports fell 12% in May");
    assert_eq!(review["reviewRating"]["alternateName"], "false");
    assert_eq!(review["url"], "https://check.example/exports-may");

    let csv = w.dir.path().join("claims.csv");
    menu(&mut w, &["Fact-check desk", "Export Claims CSV…"]);
    give_path(&mut w, &csv);
    assert!(
        w.shows_containing("Exported 2 claims:"),
        "{:?}",
        w.messages()
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("Imports rose,to check"), "{text}");

    let report = w.dir.path().join("report.html");
    menu(&mut w, &["Fact-check desk", "Export HTML report…"]);
    give_path(&mut w, &report);
    assert!(
        w.shows_containing("Exported the HTML report (2 claims):"),
        "{:?}",
        w.messages()
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("Exports fell 12% in May"));
}
