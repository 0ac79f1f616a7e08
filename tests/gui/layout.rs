//! The window's layout on a laptop screen: at 800×600 and 1280×800, at 100% and 200%
//! zoom, with the find bar open and a suggestion selected, no panel overlaps another,
//! every find-bar control is inside the window and the central area, and the article
//! keeps at least 40 characters a line (all from the widgets' rectangles). Help →
//! Keyboard fits below the menu bar; the suggestions bar keeps its height while N
//! steps through suggestions.
//!
//! A window of W×H pixels at zoom Z is W/Z × H/Z points with Z pixels a point, as
//! eframe makes it; the harness is given that size and zoom before the first frame.

use crate::Window;
use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::kittest::Queryable;

/// A long first paragraph that holds a quotation, then shorter ones with more quotes
/// of very different lengths.
const ARTICLE: &str = "“We will rebuild every bridge and every school in this city before the winter comes,” Mayor Anna Berger said on Tuesday, standing beside the ruined railway station where officials counted 270 drones and said that 40% of the roads in the region were hit during the night.\n\n\
“Yes,” she said.\n\n\
Officials added that “the repairs of the water mains, the power lines and the heating plants will take at least until the end of next year, and longer where the roads are still closed to trucks,” according to the regional office.\n\n\
The minister said the roads in the south would reopen first.";

/// A window `pixels` wide and high at `zoom`, on a project holding [`ARTICLE`].
fn window_at(pixels: [f32; 2], zoom: f32) -> Window {
    Window::open_at(&[("a.txt", ARTICLE)], pixels, zoom)
}

/// The rectangle of the one node labelled `label` with `role`.
fn rect_of(w: &Window, role: Role, label: &str) -> Rect {
    w.h.get_by_role_and_label(role, label).rect()
}

/// The rectangles of the nodes labelled exactly `label` (none when it is not shown).
fn rects_labelled(w: &Window, label: &str) -> Vec<Rect> {
    w.h.query_all_by_label(label).map(|n| n.rect()).collect()
}

fn inside(outer: Rect, inner: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

/// The number of characters on each row of the paragraph `chars`, from where the
/// article drew them.
fn chars_per_row(w: &Window, chars: std::ops::Range<usize>) -> Vec<usize> {
    let mut rows: Vec<(f32, usize)> = Vec::new();
    for at in chars {
        let top = w.char_pos(at).top();
        match rows.last_mut() {
            Some((row_top, n)) if (*row_top - top).abs() < 1.0 => *n += 1,
            _ => rows.push((top, 1)),
        }
    }
    rows.into_iter().map(|(_, n)| n).collect()
}

/// Opens the find bar with three words typed, and the quote suggestions.
fn find_and_suggest(w: &mut Window) {
    w.h.get_by_label("quote").click();
    w.h.run_steps(2);
    assert!(w.shows("3 suggestions"), "{:?}", w.texts());
    assert!(w.shows_containing("selected: quote “We will rebuild"));
    w.ctrl(Key::F);
    w.h.get_by_label("Find").type_text("the roads in");
    w.h.run_steps(4);
    assert!(w.shows("1 of 2"), "{:?}", w.texts());
}

fn check_layout(pixels: [f32; 2], zoom: f32) {
    let mut w = window_at(pixels, zoom);
    find_and_suggest(&mut w);
    let at = format!("{}×{} at {}%", pixels[0], pixels[1], zoom * 100.0);
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(pixels[0], pixels[1]) / zoom);
    let article = w.h.state().article.viewport();
    assert!(
        inside(screen, article),
        "{at}: the article {article:?} is off screen"
    );

    // Side panels: shown or not, never over the article.
    let documents = rects_labelled(&w, "Documents");
    let spans = rects_labelled(&w, "Spans");
    for rect in documents.iter().chain(rects_labelled(&w, "a.txt").iter()) {
        assert!(
            rect.right() <= article.left(),
            "{at}: documents {rect:?} over the article {article:?}"
        );
    }
    for rect in &spans {
        assert!(
            rect.left() >= article.right(),
            "{at}: spans {rect:?} over the article {article:?}"
        );
    }
    if pixels[0] / zoom >= 1000.0 {
        assert!(
            !documents.is_empty() && !spans.is_empty(),
            "{at}: both panels fit"
        );
    }

    // The find bar and the suggestions bar: inside the window and the central area.
    let central = Rect::from_x_y_ranges(article.x_range(), screen.y_range());
    let controls = [
        rect_of(&w, Role::TextInput, "Find"),
        rects_labelled(&w, "1 of 2")[0],
        rect_of(&w, Role::Button, "◀"),
        rect_of(&w, Role::Button, "▶"),
        rect_of(&w, Role::Button, "✕"),
        rect_of(&w, Role::CheckBox, "Match case"),
        rects_labelled(&w, "Label for the matches")[0],
        rect_of(&w, Role::Button, "Tag all 2 matches"),
        // "Accept all N quote": N is the detector's business, the place is the layout's.
        w.h.query_by_label_contains("Accept all")
            .map(|n| n.rect())
            .unwrap_or_else(|| panic!("{at}: no Accept all button")),
        rect_of(&w, Role::Button, "Clear suggestions"),
    ];
    for rect in controls {
        assert!(inside(screen, rect), "{at}: {rect:?} is off screen");
        assert!(
            inside(central, rect),
            "{at}: {rect:?} is outside the central area {central:?}"
        );
        assert!(
            rect.bottom() <= article.top(),
            "{at}: {rect:?} runs into the article"
        );
    }

    // The article keeps at least 40 characters a line, inside its own column.
    let paragraph_end = w.find("\n\n");
    let rows = chars_per_row(&w, 0..paragraph_end);
    assert!(rows.len() >= 3, "{at}: {rows:?}");
    let full = &rows[..rows.len() - 1];
    assert!(
        full.iter().all(|n| *n >= 40),
        "{at}: characters a line {rows:?}"
    );
    for at_char in [0, paragraph_end - 1] {
        let rect = w.char_pos(at_char);
        assert!(
            rect.left() >= article.left() && rect.right() <= article.right(),
            "{at}: character {at_char} at {rect:?} outside the article {article:?}"
        );
    }
}

#[test]
fn the_layout_fits_800_by_600_at_100_percent() {
    check_layout([800.0, 600.0], 1.0);
}

#[test]
fn the_layout_fits_800_by_600_at_200_percent() {
    check_layout([800.0, 600.0], 2.0);
}

#[test]
fn the_layout_fits_1280_by_800_at_100_percent() {
    check_layout([1280.0, 800.0], 1.0);
    // The article's column is not narrower than the spans panel.
    let w = window_at([1280.0, 800.0], 1.0);
    let article = w.h.state().article.viewport();
    let spans = rects_labelled(&w, "Spans")[0];
    assert!(
        article.width() >= 1280.0 - spans.left(),
        "{article:?} vs {spans:?}"
    );
}

#[test]
fn the_layout_fits_1280_by_800_at_200_percent() {
    check_layout([1280.0, 800.0], 2.0);
}

#[test]
fn the_side_panels_hide_and_show_with_their_keys() {
    let mut w = window_at([1280.0, 800.0], 1.0);
    assert!(w.shows("Documents") && w.shows("Spans"));
    w.ctrl(Key::B);
    assert!(!w.shows("Documents") && w.shows("Spans"));
    w.ctrl_shift(Key::B);
    assert!(!w.shows("Spans"));
    let wide = w.h.state().article.viewport();
    w.ctrl(Key::B);
    w.ctrl_shift(Key::B);
    assert!(w.shows("Documents") && w.shows("Spans"));
    assert!(w.h.state().article.viewport().width() < wide.width());

    // Too narrow for both at 200%: none shows; asked for, the spans panel does.
    let mut w = window_at([800.0, 600.0], 2.0);
    assert!(!w.shows("Documents") && !w.shows("Spans"));
    w.ctrl_shift(Key::B);
    assert!(w.shows("Spans") && !w.shows("Documents"));
}

#[test]
fn help_keyboard_opens_below_the_menu_bar_and_lists_the_zoom_keys() {
    for zoom in [1.0, 2.0] {
        let mut w = window_at([800.0, 600.0], zoom);
        let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0) / zoom);
        w.h.get_by_label("Help").click();
        w.h.run_steps(2);
        let menu_bottom = rect_of(&w, Role::Button, "Help").bottom();
        w.button("Keyboard F1");
        w.h.run_steps(2);
        let window = rect_of(&w, Role::Window, "Keyboard");
        assert!(
            window.top() >= menu_bottom,
            "{zoom}: {window:?} covers the menu bar"
        );
        assert!(
            inside(screen, window),
            "{zoom}: {window:?} runs off {screen:?}"
        );
        assert!(
            w.shows("Ctrl+Plus / Ctrl+Equals") && w.shows("Zoom in"),
            "{:?}",
            w.texts()
        );
        assert!(w.shows("Ctrl+Minus") && w.shows("Ctrl+0"));
        assert!(w.shows("Ctrl+B") && w.shows("Documents panel"));

        // The guidelines too, from the same menu.
        w.h.get_by_label("Help").click();
        w.h.run_steps(2);
        w.button("Annotation guidelines");
        w.h.run_steps(2);
        let window = rect_of(&w, Role::Window, "Annotation guidelines");
        assert!(
            window.top() >= menu_bottom && inside(screen, window),
            "{window:?}"
        );
        assert!(w.shows_containing("the marks are outside the span"));
    }
}

#[test]
fn the_suggestions_bar_keeps_its_height_while_stepping() {
    for zoom in [1.0, 2.0] {
        let mut w = window_at([800.0, 600.0], zoom);
        w.h.get_by_label("quote").click();
        w.h.run_steps(2);
        let where_now = |w: &Window| {
            (
                rect_of(w, Role::Button, "Clear suggestions").top(),
                w.h.state().article.viewport().top(),
            )
        };
        let first = where_now(&w);
        let mut previews = std::collections::HashSet::new();
        for _ in 0..6 {
            w.key(Key::N);
            previews.insert(w.texts().into_iter().find(|t| t.starts_with("selected:")));
            assert_eq!(where_now(&w), first, "{zoom}: the bar changed height");
        }
        assert!(
            previews.len() >= 3,
            "stepped through all three: {previews:?}"
        );
    }
}
