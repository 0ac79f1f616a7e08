//! The claims desk (the Spans panel's Claims tab): it lists every claim of the project
//! with its status, verdict, claimant, article and the values of the figures inside
//! it; the filters hide what they leave out and the sort reorders; a click (or Enter
//! on a row reached with Tab) opens a claim in its article, with the inspector on it;
//! the desk's settings ("Published by", its address, the numeric scale) are one undo
//! step each and saved with the project.

use crate::Window;
use egui::accesskit::{Role, Toggled};
use egui::{Key, Pos2, Rect};
use egui_kittest::kittest::{By, NodeT, Queryable};

/// Two articles: one claim in the first, two in the second (one with a figure).
pub(crate) const A: &str = "The mayor said [claim|status=checked|verdict=false|claimant=Anna Berger:the \
                 city counted [figure|value=270 drone:270 drones] overnight]. Others doubted it.";
pub(crate) const B: &str = "Officials said [claim|status=checking|verdict=mostly true|claimant=Bo Chen:\
                 [figure|value=40%:40%] of the roads were hit]. They added that \
                 [claim:repairs will take a year].";

/// What each claim's row says (and a screen reader reads), in article order.
pub(crate) const ROW_A: &str = "checked · false · Anna Berger: “the city counted 270 drones overnight” \
                     in a.txt; figures: 270 drones → 270 drone (count)";
const ROW_B1: &str = "checking · mostly true · Bo Chen: “40% of the roads were hit” in b.txt; \
                      figures: 40% → 40 percent (percent)";
const ROW_B2: &str = "to check · no verdict: “repairs will take a year” in b.txt";

fn open_desk() -> Window {
    let mut w = Window::open(&[("a.txt", A), ("b.txt", B)]);
    w.button("Claims");
    w.h.run_steps(2);
    w
}

/// The claim rows shown, top to bottom.
fn rows(w: &Window) -> Vec<String> {
    let mut rows: Vec<(f32, String)> =
        w.h.query_all_by_role(Role::Button)
            .filter_map(|n| {
                let label = n.accesskit_node().label()?;
                label
                    .contains(" in ")
                    .then(|| (n.rect().top(), label.to_string()))
            })
            .filter(|(_, label)| label.contains(": “"))
            .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, label)| label).collect()
}

/// Picks `option` from the drop-down named `combo`.
fn pick(w: &mut Window, combo: &str, option: &str) {
    w.h.get_by_role_and_label(Role::ComboBox, combo).click();
    w.h.run_steps(2);
    w.h.get_by_label(option).click();
    w.h.run_steps(2);
}

/// Clicks the text field `name`, types `text` and presses Enter.
fn type_into(w: &mut Window, name: &str, text: &str) {
    w.field(name).click();
    w.h.run_steps(2);
    assert!(w.field(name).is_focused(), "{name} has no keyboard");
    w.field(name).type_text(text);
    w.h.run_steps(1);
    w.key(Key::Enter);
}

#[test]
fn the_desk_lists_every_claim_with_status_verdict_claimant_article_and_figures() {
    let w = open_desk();
    assert!(
        w.shows("3 claims · 1 to check · 1 checking · 1 checked"),
        "{:?}",
        w.texts()
    );
    // The claims of both articles, whichever is shown.
    assert_eq!(rows(&w), [ROW_A, ROW_B1, ROW_B2]);
    assert_eq!(w.h.state().session.document().unwrap().name, "a.txt");
    // Every row as wide as the panel's text filter at most, none past its edges.
    let panel = w.field("Filter claims by text").rect();
    for row in rows(&w) {
        let rect = w.h.get_by_role_and_label(Role::Button, &row).rect();
        let inside = rect.left() >= panel.left() - 0.5 && rect.right() <= panel.right() + 0.5;
        assert!(inside, "{rect:?} {panel:?}");
    }
}

#[test]
fn filters_hide_the_other_claims_and_the_sort_reorders() {
    let mut w = open_desk();
    pick(&mut w, "Filter claims by status", "checking");
    assert_eq!(rows(&w), [ROW_B1]);
    assert!(w.shows_containing("— 1 shown"), "{:?}", w.texts());
    pick(&mut w, "Filter claims by status", "all statuses");
    pick(&mut w, "Filter claims by verdict", "no verdict");
    assert_eq!(rows(&w), [ROW_B2]);
    pick(&mut w, "Filter claims by verdict", "any verdict");
    // The text filter looks in the claimant's name, any case.
    type_into(&mut w, "Filter claims by text", "anna BERGER");
    assert_eq!(rows(&w), [ROW_A]);
    w.field("Filter claims by text").click();
    w.h.run_steps(1);
    w.h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    w.key(Key::Backspace);
    assert_eq!(rows(&w).len(), 3);
    // By status: to check, checking, checked.
    pick(&mut w, "Sort claims", "by status");
    assert_eq!(rows(&w), [ROW_B2, ROW_B1, ROW_A]);
    // By verdict, best first, none last.
    pick(&mut w, "Sort claims", "by verdict");
    assert_eq!(rows(&w), [ROW_B1, ROW_A, ROW_B2]);
}

#[test]
fn a_click_opens_the_claim_in_its_article_and_enter_on_a_row_does_too() {
    let mut w = open_desk();
    assert_eq!(w.h.state().session.document().unwrap().name, "a.txt");
    w.h.get_by_role_and_label(Role::Button, ROW_B2).click();
    w.h.run_steps(4);
    // The other article shows, with the claim selected, in view and in the inspector.
    assert_eq!(w.h.state().session.document().unwrap().name, "b.txt");
    let id = w.saved().documents()[1]
        .spans()
        .iter()
        .find(|s| s.attributes.is_empty() && s.label == "claim")
        .unwrap()
        .id;
    assert!(
        w.status().starts_with(&format!("Span {id}: claim")),
        "{}",
        w.status()
    );
    assert!(w.shows(&format!("Span {id}")), "{:?}", w.texts());
    let at = w.find("repairs will take a year");
    w.char_pos(at);
    let row = w.h.get_by_role_and_label(Role::Button, ROW_B2);
    assert_eq!(row.accesskit_node().toggled(), Some(Toggled::True));

    // From the keyboard: Tab from the text filter to the settings (their arrow, their
    // name), on to the first claim, and Enter opens it.
    w.field("Filter claims by text").click();
    w.h.run_steps(2);
    let focused = |w: &Window| {
        w.h.query_all(By::new())
            .find(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
    };
    w.key(Key::Tab);
    assert_eq!(
        focused(&w).as_deref(),
        Some("Show or hide the desk settings")
    );
    w.key(Key::Tab);
    assert_eq!(focused(&w).as_deref(), Some("Desk settings"));
    w.key(Key::Tab);
    assert!(
        w.h.get_by_role_and_label(Role::Button, ROW_A).is_focused(),
        "the first claim has no keyboard"
    );
    w.key(Key::Enter);
    w.h.run_steps(2);
    assert_eq!(w.h.state().session.document().unwrap().name, "a.txt");
    assert!(
        w.status().ends_with(&format!(
            "claim {}–{}",
            w.find("the city"),
            w.find(". Others")
        )),
        "{}",
        w.status()
    );
}

#[test]
fn the_desk_settings_are_saved_and_undone_one_step_each() {
    let mut w = open_desk();
    w.button("Desk settings");
    type_into(&mut w, "Published by", "Acme Fact Check");
    assert!(w.shows("Desk settings: Acme Fact Check"), "{:?}", w.texts());
    // An address that is no URL: the field says why while it is typed, and Enter is
    // refused with a message.
    w.field("Publisher URL").click();
    w.h.run_steps(2);
    w.field("Publisher URL").type_text("acme.example");
    w.h.run_steps(2);
    assert!(w.shows_containing("⚠ publisher URL"), "{:?}", w.texts());
    w.key(Key::Enter);
    assert!(
        w.messages().iter().any(|m| m.starts_with("publisher URL")),
        "{:?}",
        w.messages()
    );
    w.field("Publisher URL").click();
    w.h.run_steps(2);
    w.h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    w.field("Publisher URL").type_text("https://acme.example/");
    w.h.run_steps(1);
    w.key(Key::Enter);
    pick(&mut w, "Numeric scale", "first 3: true … half true");
    w.save();
    let file = std::fs::read_to_string(&w.path).unwrap();
    assert!(
        file.contains(
            "desk: (publisher: \"Acme Fact Check\", publisher_url: \"https://acme.example/\", \
             rated_verdicts: 3)"
        ),
        "{file}"
    );
    assert!(file.contains("version: 3,"), "{file}");

    // Each setting was one undo step.
    w.ctrl(Key::Z);
    assert_eq!(
        w.h.get_by_role_and_label(Role::ComboBox, "Numeric scale")
            .value()
            .as_deref(),
        Some("first 5: true … false")
    );
    w.ctrl(Key::Z);
    assert_eq!(w.field("Publisher URL").value().as_deref(), Some(""));
    assert_eq!(
        w.field("Published by").value().as_deref(),
        Some("Acme Fact Check")
    );
    w.ctrl(Key::Z);
    assert_eq!(w.field("Published by").value().as_deref(), Some(""));
    assert!(w.shows("Desk settings"));
    w.save();
    // Default settings are not written: the file stays readable by older builds.
    let file = std::fs::read_to_string(&w.path).unwrap();
    assert!(!file.contains("desk:"), "{file}");
    assert!(file.contains("version: 2,"), "{file}");
}

/// A window `pixels` wide and high at `zoom` on the two articles, as a screen that
/// size shows it (see `layout.rs`), with the Claims tab and the desk settings open.
fn desk_at(pixels: [f32; 2], zoom: f32) -> Window {
    let mut w = Window::open_at(&[("a.txt", A), ("b.txt", B)], pixels, zoom);
    if !w.shows("Claims") {
        // Too narrow for the panel unless asked for (Ctrl+Shift+B).
        w.ctrl_shift(Key::B);
    }
    w.button("Claims");
    // Where the panel is low, the filters and settings scroll: as a user would,
    // bring the section into view first.
    w.h.get_by_role_and_label(Role::Button, "Desk settings")
        .scroll_to_me();
    w.h.run_steps(10);
    w.button("Desk settings");
    w.h.run_steps(2);
    w
}

#[test]
fn the_desk_fits_laptop_screens_at_100_and_200_percent() {
    for (pixels, zoom) in [
        ([800.0, 600.0], 1.0),
        ([800.0, 600.0], 2.0),
        ([1280.0, 800.0], 1.0),
        ([1280.0, 800.0], 2.0),
    ] {
        let w = desk_at(pixels, zoom);
        let at = format!("{}×{} at {}%", pixels[0], pixels[1], zoom * 100.0);
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(pixels[0], pixels[1]) / zoom);
        let article = w.h.state().article.viewport();
        let panel = Rect::from_x_y_ranges(article.right()..=screen.right(), screen.y_range());
        let mut controls: Vec<(String, Rect)> = [
            (Role::ComboBox, "Filter claims by status"),
            (Role::ComboBox, "Filter claims by verdict"),
            (Role::ComboBox, "Sort claims"),
            (Role::TextInput, "Filter claims by text"),
            (Role::Button, "Desk settings"),
            (Role::TextInput, "Published by"),
            (Role::TextInput, "Publisher URL"),
            (Role::ComboBox, "Numeric scale"),
        ]
        .into_iter()
        .map(|(role, name)| {
            (
                name.to_owned(),
                w.h.get_by_role_and_label(role, name).rect(),
            )
        })
        .collect();
        let shown = rows(&w);
        controls.extend(shown.iter().map(|row| {
            let rect = w.h.get_by_role_and_label(Role::Button, row).rect();
            (row.clone(), rect)
        }));
        for (name, rect) in &controls {
            let inside = rect.left() >= panel.left() - 0.5 && rect.right() <= panel.right() + 0.5;
            assert!(inside, "{at}: {name} {rect:?} leaves the panel {panel:?}");
        }
        // Whatever the filters and settings take, the first claim shows in the list.
        let first = w.h.get_by_role_and_label(Role::Button, ROW_A).rect();
        let status_bar =
            w.h.query_by_label_contains("Drag over text")
                .map_or(screen.bottom(), |n| n.rect().top());
        assert!(
            first.top() + 8.0 < status_bar,
            "{at}: {first:?} is hidden (status bar at {status_bar})"
        );
    }
}

#[test]
fn ctrl_shift_d_opens_the_desk_and_goes_back_to_the_spans() {
    let mut w = Window::open(&[("a.txt", A), ("b.txt", B)]);
    assert!(rows(&w).is_empty());
    w.ctrl_shift(Key::D);
    assert_eq!(rows(&w).len(), 3, "{:?}", w.texts());
    w.ctrl_shift(Key::D);
    assert!(rows(&w).is_empty());
    assert!(w.shows_containing("spans"), "{:?}", w.texts());
}

/// At 1280×800 and 150% the claim form is taller than the room under the list: the
/// inspector scrolls, so its last field comes into reach and takes what is typed. (At
/// 200% the inspector takes the list's place: `small_screens.rs`.)
#[test]
fn the_claim_form_scrolls_into_reach_at_150_percent() {
    let mut w = desk_at([1280.0, 800.0], 1.5);
    w.h.get_by_role_and_label(Role::Button, ROW_A).click();
    w.h.run_steps(4);
    assert!(w.status().contains(": claim 15–52"), "{}", w.status());
    assert!(
        w.shows("Filter claims by text"),
        "the list shows: {:?}",
        w.texts()
    );
    let screen_bottom = 800.0 / 1.5;
    let below = w.field("review url").rect();
    assert!(below.top() > screen_bottom, "{below:?} is already in view");
    w.field("review url").scroll_to_me();
    w.h.run_steps(20);
    let field = w.field("review url").rect();
    assert!(
        field.bottom() <= screen_bottom,
        "{field:?} is still out of reach"
    );
    w.field("review url").click();
    w.h.run_steps(2);
    w.field("review url")
        .type_text("https://check.example/drones");
    w.h.run_steps(1);
    w.key(Key::Enter);
    w.save();
    let saved = w.saved();
    let claim = &saved.documents()[0].spans()[0];
    assert_eq!(
        claim.attributes.get("review url").map(String::as_str),
        Some("https://check.example/drones")
    );
}
