//! GUI tests: the real [`App`] driven by pointer and key events through egui_kittest.
//! Pointer positions come from the article's own layout (the rectangles it drew each
//! character in), so a drag here is the drag a user makes over those characters. Each
//! test checks what the window shows (accessibility queries) and what lands on disk.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

mod access;
mod adjudicate;
mod claims;
mod conflicts;
mod desk;
mod editing;
mod figures;
mod files;
mod interop;
mod jumps;
mod labels;
mod layout;
mod long;
mod provenance;
mod relations;
mod selecting;
mod small_screens;
mod sources;
mod speakers;
mod suggestions;
mod writers;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use spanmark::app::dialogs::NoDialogs;
use spanmark::app::{App, Config};
use spanmark::fixture;
use spanmark::model::{CharOffset, Project};
use spanmark::store;
use std::path::PathBuf;

pub struct Window {
    pub h: Harness<'static, App>,
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

fn harness(path: &std::path::Path, data: PathBuf) -> Harness<'static, App> {
    harness_with(path, data, |_| {})
}

pub fn harness_with(
    path: &std::path::Path,
    data: PathBuf,
    adjust: impl FnOnce(&mut Config),
) -> Harness<'static, App> {
    harness_on(vec![path.to_path_buf()], data, adjust)
}

/// A window started with `paths` (a project and/or articles; none: nothing opened).
pub fn harness_on(
    paths: Vec<PathBuf>,
    data: PathBuf,
    adjust: impl FnOnce(&mut Config),
) -> Harness<'static, App> {
    let mut config = Config::new(paths);
    config.dialogs = Box::new(NoDialogs);
    config.data_dir = Some(data);
    config.autosave_seconds = 0.0;
    config.open_last = false;
    adjust(&mut config);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(1.0 / 60.0)
        .allow_missing_glyphs()
        .build_eframe(move |cc| App::new(cc, config));
    h.run_steps(4);
    h
}

impl Window {
    /// A window on a new project file holding the fixture documents.
    pub fn open(docs: &[(&str, &str)]) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.ron");
        store::save(&fixture::project("Test project", docs), &path).unwrap();
        let h = harness(&path, dir.path().join("data"));
        Self { h, dir, path }
    }

    /// A window `pixels` wide and high at `zoom` on a new project holding the fixture
    /// documents, as a screen that size shows it: `pixels / zoom` points, `zoom` pixels a
    /// point, set before the first frame.
    pub fn open_at(docs: &[(&str, &str)], pixels: [f32; 2], zoom: f32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("project.ron");
        store::save(&fixture::project("Test project", docs), &path).unwrap();
        let mut config = Config::new(vec![path.clone()]);
        config.dialogs = Box::new(NoDialogs);
        config.data_dir = Some(dir.path().join("data"));
        config.autosave_seconds = 0.0;
        config.open_last = false;
        let mut h = Harness::builder()
            .with_size([pixels[0] / zoom, pixels[1] / zoom])
            .with_step_dt(1.0 / 60.0)
            .allow_missing_glyphs()
            .build_eframe(move |cc| {
                cc.egui_ctx.set_zoom_factor(zoom);
                App::new(cc, config)
            });
        h.run_steps(4);
        Self { h, dir, path }
    }

    /// The window ends (as a crash or a kill would: no clean exit) and a new one opens
    /// on the same project file with the same data folder, as after a restart.
    pub fn restart(self) -> Self {
        let Window { h, dir, path } = self;
        drop(h);
        let h = harness(&path, dir.path().join("data"));
        Self { h, dir, path }
    }

    /// A second window on the same project file (and data folder) while this one
    /// stays open; its own `dir` is a scratch folder.
    pub fn second_window(&self) -> Self {
        Self {
            h: harness(&self.path, self.dir.path().join("data")),
            dir: tempfile::tempdir().unwrap(),
            path: self.path.clone(),
        }
    }

    pub fn text(&self) -> String {
        self.h.state().session.document().unwrap().text().to_owned()
    }

    /// Where the article drew code point `at` (it must be in view).
    pub fn char_pos(&self, at: usize) -> egui::Rect {
        self.h
            .state()
            .article
            .char_rect(CharOffset(at))
            .unwrap_or_else(|| panic!("code point {at} is not drawn"))
    }

    /// The code point offset of `needle` in the current document (Python's str.index).
    pub fn find(&self, needle: &str) -> usize {
        let text = self.text();
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the text"));
        text[..byte].chars().count()
    }

    fn pointer(&mut self, pos: Pos2, pressed: bool, modifiers: Modifiers) {
        self.h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers,
        });
    }

    /// Presses on the left edge of code point `start`, moves, and releases on the right
    /// edge of code point `end - 1`: a drag over exactly `start..end`.
    pub fn drag_chars(&mut self, start: usize, end: usize, modifiers: Modifiers) {
        let a = self.char_pos(start);
        let b = self.char_pos(end - 1);
        let from = egui::pos2(a.left() + 1.0, a.center().y);
        let to = egui::pos2(b.right() - 1.0, b.center().y);
        self.h.event(Event::ModifiersChanged(modifiers));
        self.h.hover_at(from);
        self.h.run_steps(1);
        self.pointer(from, true, modifiers);
        self.h.run_steps(1);
        for i in 1..=4 {
            self.h.hover_at(from + (to - from) * (i as f32 / 4.0));
            self.h.run_steps(1);
        }
        self.pointer(to, false, modifiers);
        self.h.run_steps(1);
        self.h.event(Event::ModifiersChanged(Modifiers::NONE));
        self.h.remove_cursor();
        self.h.run_steps(2);
    }

    /// Drags over the first occurrence of `needle`.
    pub fn drag_over(&mut self, needle: &str) {
        let start = self.find(needle);
        self.drag_chars(start, start + needle.chars().count(), Modifiers::NONE);
    }

    /// Presses and releases `button` at `pos` in one frame's events.
    pub fn press_release(&mut self, pos: Pos2, button: PointerButton) {
        for pressed in [true, false] {
            self.h.event(Event::PointerButton {
                pos,
                button,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }

    pub fn click_char(&mut self, at: usize) {
        let pos = self.char_pos(at).center();
        self.h.hover_at(pos);
        self.h.run_steps(1);
        self.press_release(pos, PointerButton::Primary);
        self.h.run_steps(2);
        // Let the double-click time pass: the next click is a new click.
        self.h.run_steps(20);
    }

    pub fn key(&mut self, key: Key) {
        self.h.key_press(key);
        self.h.run_steps(2);
    }

    pub fn ctrl(&mut self, key: Key) {
        self.h.key_press_modifiers(Modifiers::COMMAND, key);
        self.h.run_steps(2);
    }

    pub fn ctrl_shift(&mut self, key: Key) {
        self.h
            .key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, key);
        self.h.run_steps(2);
    }

    /// Clicks the button labelled exactly `label`.
    pub fn button(&mut self, label: &str) {
        self.h.get_by_role_and_label(Role::Button, label).click();
        self.h.run_steps(2);
    }

    /// The text field named `name`.
    pub fn field<'a>(&'a self, name: &'a str) -> egui_kittest::Node<'a> {
        self.h
            .query_all_by_label(name)
            .find(|n| {
                matches!(
                    n.accesskit_node().role(),
                    Role::TextInput | Role::MultilineTextInput
                )
            })
            .unwrap_or_else(|| panic!("no text field {name:?}"))
    }

    /// Steps frame by frame until the window asks to close (up to `frames`).
    pub fn closes_within(&mut self, frames: usize) -> bool {
        for _ in 0..frames {
            self.h.step();
            let close = self.h.output().viewport_output.values().any(|v| {
                v.commands
                    .iter()
                    .any(|c| matches!(c, egui::ViewportCommand::Close))
            });
            if close {
                return true;
            }
        }
        false
    }

    /// Every text the window shows: labels and values of the accessibility tree.
    pub fn texts(&self) -> Vec<String> {
        self.h
            .query_all(egui_kittest::kittest::By::new())
            .flat_map(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
            })
            .flatten()
            .collect()
    }

    /// The texts of the tooltips shown now (and nothing else of the window).
    pub fn tooltip_texts(&self) -> Vec<String> {
        let role = egui::accesskit::Role::Tooltip;
        self.h
            .query_all(egui_kittest::kittest::By::new().role(role))
            .flat_map(|tooltip| {
                let inside: Vec<_> = tooltip
                    .query_all(egui_kittest::kittest::By::new())
                    .chain([tooltip])
                    .collect();
                inside
            })
            .flat_map(|n| {
                let node = n.accesskit_node();
                [node.label(), node.value()]
            })
            .flatten()
            .collect()
    }

    /// Does the window show exactly `text` (a label, a list row, a button)?
    pub fn shows(&self, text: &str) -> bool {
        self.texts().iter().any(|t| t == text)
    }

    pub fn shows_containing(&self, text: &str) -> bool {
        self.texts().iter().any(|t| t.contains(text))
    }

    /// The status bar's left text.
    pub fn status(&self) -> String {
        let texts = self.texts();
        ["Selected ", "Span ", "Drag over text"]
            .iter()
            .find_map(|prefix| texts.iter().find(|t| t.starts_with(prefix)).cloned())
            .unwrap_or_default()
    }

    /// The project as saved on disk.
    pub fn saved(&self) -> Project {
        store::load(&self.path).unwrap()
    }

    /// `(label, text)` of every span of the first document on disk.
    pub fn saved_spans(&self) -> Vec<(String, String)> {
        let project = self.saved();
        let doc = &project.documents()[0];
        doc.spans()
            .iter()
            .map(|s| (s.label.clone(), doc.slice(s.range).unwrap().to_owned()))
            .collect()
    }

    pub fn save(&mut self) {
        self.ctrl(Key::S);
        assert!(
            !self.h.state().session.is_dirty(),
            "not saved: {:?}",
            self.messages()
        );
    }

    pub fn messages(&self) -> Vec<String> {
        self.h
            .state()
            .messages
            .iter()
            .map(|m| m.text.clone())
            .collect()
    }
}
