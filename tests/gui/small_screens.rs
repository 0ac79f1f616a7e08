//! The inspector on a small screen. At 800×600 and 200% zoom the Spans panel is too low
//! for a list and an inspector at once: a claim clicked on the Claims tab, or a span
//! on the Spans tab, takes the list's place with its inspector, whose controls are
//! inside the window and take clicks (saved with the project). A button over the
//! inspector brings the list back, one in the same place the inspector; a row clicked
//! shows its inspector, and Esc, the selection gone, leaves the list; what was typed in
//! the inspector is kept when the list comes back. The same goes for a tab just over
//! 200 points (1280×800 at 200%, 800×600 at 160%), where the inspector under the list
//! would show only its heading and a row or two. At 1280×800 up to 150% and at
//! 800×600 at 100%, the list and the inspector under it show together, its first
//! fields in view, as they always did.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Pos2, Rect};
use egui_kittest::kittest::Queryable;
use spanmark::model::{CharOffset, Span};

use crate::desk::{A, B, ROW_A};

/// The first claim's row in the span list (its text).
const SPAN_A: &str = "the city counted 270 drones overnight";

/// A window `pixels` wide and high at `zoom` on the two articles, with the spans panel
/// (shown with its key where the window is too narrow for it).
fn window_at(pixels: [f32; 2], zoom: f32) -> Window {
    let mut w = Window::open_at(&[("a.txt", A), ("b.txt", B)], pixels, zoom);
    if !w.shows("Spans") {
        w.ctrl_shift(Key::B);
    }
    w
}

/// Where the user sees: the window above the status bar.
fn view(w: &Window) -> Rect {
    let status_bar = w.h.get_by_label(&w.status()).rect().top();
    let width = w.h.ctx.content_rect().width();
    Rect::from_min_max(Pos2::ZERO, egui::pos2(width, status_bar)).expand(0.5)
}

/// The rectangle of the control `label` with `role`, checked to be in view.
fn seen(w: &Window, role: Role, label: &str) -> Rect {
    let rect = w.h.get_by_role_and_label(role, label).rect();
    assert!(
        view(w).contains_rect(rect),
        "{label} {rect:?} is out of view"
    );
    rect
}

/// The same for a window `at` a size and zoom, named when it is out of view.
fn in_view(w: &Window, at: &str, role: Role, label: &str) {
    let rect = w.h.get_by_role_and_label(role, label).rect();
    assert!(
        view(w).contains_rect(rect),
        "{at}: {label} {rect:?} is out of view"
    );
}

/// Clicks the middle of the control `label` with `role` with the pointer, checked to
/// be in view (a claim's block, taller than the list, at least its middle).
fn click(w: &mut Window, role: Role, label: &str) {
    let rect = w.h.get_by_role_and_label(role, label).rect();
    assert!(
        view(w).contains(rect.center()),
        "{label} {rect:?} is out of view"
    );
    w.h.get_by_role_and_label(role, label).click();
    w.h.run_steps(4);
}

/// Picks `option` from the drop-down `combo`, both clicked where they are drawn.
fn pick(w: &mut Window, combo: &str, option: &str) {
    click(w, Role::ComboBox, combo);
    click(w, Role::Button, option);
}

/// The claim of the first article, as saved.
fn saved_claim(w: &Window) -> Span {
    let project = w.saved();
    project.documents()[0]
        .spans()
        .iter()
        .find(|s| s.range.start == CharOffset(15))
        .cloned()
        .unwrap()
}

#[test]
fn a_claim_clicked_on_the_desk_gets_a_reachable_inspector_at_800_by_600_and_200_percent() {
    let mut w = window_at([800.0, 600.0], 2.0);
    w.ctrl_shift(Key::D);
    click(&mut w, Role::Button, ROW_A);
    assert!(w.status().contains(": claim 15–52"), "{}", w.status());
    let id = saved_claim(&w).id;
    assert!(w.shows(&format!("Span {id}")), "{:?}", w.texts());
    // The claim form's first controls are in view, and a pick there is saved.
    for combo in ["Label of the span", "status", "verdict"] {
        seen(&w, Role::ComboBox, combo);
    }
    pick(&mut w, "status", "checking");
    w.save();
    let claim = saved_claim(&w);
    assert_eq!(claim.attributes.get("status").unwrap(), "checking");
    assert_eq!(claim.attributes.get("verdict").unwrap(), "false");

    // Back to the list, the claim still selected; the button in the same place brings
    // its inspector again.
    click(&mut w, Role::Button, "◂ 3 claims");
    seen(&w, Role::TextInput, "Filter claims by text");
    let row = "checking · false · Anna Berger: “the city counted 270 drones overnight” \
               in a.txt; figures: 270 drones → 270 drone (count)";
    let block = w.h.get_by_role_and_label(Role::Button, row).rect();
    assert!(view(&w).contains(block.center()), "{block:?}");
    assert!(w.h.query_by_label("Label of the span").is_none());
    assert!(w.status().contains(": claim 15–52"), "{}", w.status());
    click(&mut w, Role::Button, &format!("Span {id} (claim) ▸"));
    seen(&w, Role::ComboBox, "verdict");
    // The list again; a click on the row shows the inspector of its claim.
    click(&mut w, Role::Button, "◂ 3 claims");
    click(&mut w, Role::Button, row);
    seen(&w, Role::ComboBox, "verdict");
}

#[test]
fn a_span_clicked_in_the_list_gets_a_reachable_inspector_at_800_by_600_and_200_percent() {
    let mut w = window_at([800.0, 600.0], 2.0);
    assert!(w.shows("Spans"));
    click(&mut w, Role::Button, SPAN_A);
    assert!(w.status().contains(": claim 15–52"), "{}", w.status());
    // The inspector's controls are in view and take a click; the list is folded into
    // a button over them.
    for combo in ["Label of the span", "status"] {
        seen(&w, Role::ComboBox, combo);
    }
    seen(&w, Role::Button, "◂ 2 spans");
    assert!(w.h.query_by_label("Filter spans by text").is_none());
    pick(&mut w, "Label of the span", "quote");
    assert!(w.status().contains(": quote 15–52"), "{}", w.status());
    w.save();
    assert_eq!(saved_claim(&w).label, "quote");

    // Esc (the keyboard in the article) gives up the selection: the list is back.
    w.key(Key::Escape);
    assert!(w.status().starts_with("Drag over text"), "{}", w.status());
    seen(&w, Role::TextInput, "Filter spans by text");
    seen(&w, Role::Button, SPAN_A);
    assert!(w.h.query_by_label("Label of the span").is_none());
}

#[test]
fn a_tab_just_over_200_points_shows_the_inspector_in_the_lists_place() {
    // Under the tabs, 268 and 220 points: the list at its least would leave the
    // inspector its heading and a row or two, the claim's status and verdict out of view.
    for (pixels, zoom) in [([1280.0, 800.0], 2.0), ([800.0, 600.0], 1.6)] {
        let at = format!("{}×{} at {}%", pixels[0], pixels[1], zoom * 100.0);
        let mut w = window_at(pixels, zoom);
        click(&mut w, Role::Button, SPAN_A);
        assert!(w.status().contains(": claim 15–52"), "{at}: {}", w.status());
        in_view(&w, &at, Role::Label, "status");
        in_view(&w, &at, Role::ComboBox, "verdict");
        in_view(&w, &at, Role::Button, "◂ 2 spans");

        let mut w = window_at(pixels, zoom);
        w.ctrl_shift(Key::D);
        click(&mut w, Role::Button, ROW_A);
        in_view(&w, &at, Role::Label, "status");
        in_view(&w, &at, Role::ComboBox, "verdict");
        in_view(&w, &at, Role::Button, "◂ 3 claims");
        // The verdict takes a click where it is drawn.
        pick(&mut w, "verdict", "mostly true");
        w.save();
        let claim = saved_claim(&w);
        assert_eq!(
            claim.attributes.get("verdict").unwrap(),
            "mostly true",
            "{at}"
        );
    }
}

#[test]
fn larger_windows_show_the_list_and_the_inspector_together() {
    let sizes = [
        ([1280.0, 800.0], 1.0),
        ([1280.0, 800.0], 1.5),
        ([800.0, 600.0], 1.0),
    ];
    for (pixels, zoom) in sizes {
        let at = format!("{}×{} at {}%", pixels[0], pixels[1], zoom * 100.0);
        let mut w = window_at(pixels, zoom);
        click(&mut w, Role::Button, SPAN_A);
        in_view(&w, &at, Role::TextInput, "Filter spans by text");
        in_view(&w, &at, Role::Button, SPAN_A);
        in_view(&w, &at, Role::ComboBox, "Label of the span");
        // Under the list, the inspector shows the claim's first fields.
        in_view(&w, &at, Role::Label, "status");
        in_view(&w, &at, Role::ComboBox, "verdict");
        assert!(w.h.query_by_label("◂ 2 spans").is_none(), "{at}");
        w.ctrl_shift(Key::D);
        click(&mut w, Role::Button, ROW_A);
        let block = w.h.get_by_role_and_label(Role::Button, ROW_A).rect();
        assert!(view(&w).contains(block.center()), "{at}: {block:?}");
        in_view(&w, &at, Role::ComboBox, "Label of the span");
        in_view(&w, &at, Role::Label, "status");
        in_view(&w, &at, Role::ComboBox, "verdict");
        assert!(w.h.query_by_label("◂ 3 claims").is_none(), "{at}");
    }
}

#[test]
fn what_is_typed_in_the_folded_inspector_is_kept_when_the_list_comes_back() {
    let mut w = window_at([800.0, 600.0], 2.0);
    w.ctrl_shift(Key::D);
    click(&mut w, Role::Button, ROW_A);
    let field = w.field("sources").rect();
    assert!(view(&w).contains_rect(field), "{field:?} is out of view");
    w.field("sources").click();
    w.h.run_steps(2);
    w.field("sources").type_text("https://city.example/drones");
    w.h.run_steps(2);
    click(&mut w, Role::Button, "◂ 3 claims");
    w.save();
    let claim = saved_claim(&w);
    let sources = claim.attributes.get("sources").map(String::as_str);
    assert_eq!(sources, Some("https://city.example/drones"));
}
