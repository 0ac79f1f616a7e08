//! The find bar (Ctrl+F): every match of a phrase in the current document, stepping
//! through them, and "tag all matches" as one undoable step. It has two rows, whatever
//! the window's width, so the article under it does not move while one types: the
//! field (as wide as the bar allows) with the count and ◀ ▶ ✕, then Match case, the
//! label and "Tag all".

use super::theme::label_color;
use crate::model::{CharRange, DocId};
use crate::session::Session;
use crate::session::{Command, EditCommand, ViewCommand};
use egui::{RichText, TextEdit, Ui};

/// Every non-overlapping occurrence of `needle` in `text`, in code points. Without
/// `case_sensitive`, characters compare by their lowercase forms one to one. One pass
/// over the text (Knuth–Morris–Pratt), memory for the needle only, so a 10 MB article is
/// searched without copying it.
pub fn find_all(text: &str, needle: &str, case_sensitive: bool) -> Vec<CharRange> {
    let fold = |c: char| -> char {
        if case_sensitive {
            c
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    };
    let needle: Vec<char> = needle.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // failure[i]: the length of the longest proper border of needle[..=i].
    let mut failure = vec![0usize; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = failure[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        failure[i] = k;
    }
    let mut out = Vec::new();
    let mut matched = 0;
    for (at, c) in text.chars().map(fold).enumerate() {
        while matched > 0 && c != needle[matched] {
            matched = failure[matched - 1];
        }
        if c == needle[matched] {
            matched += 1;
        }
        if matched == needle.len() {
            out.push(CharRange::new(at + 1 - needle.len(), at + 1));
            matched = 0;
        }
    }
    out
}

#[derive(Default)]
pub struct FindBar {
    pub open: bool,
    focus: bool,
    query: String,
    case_sensitive: bool,
    label: String,
    current: usize,
    /// The matches and what they were computed for.
    matches: Vec<CharRange>,
    key: Option<(DocId, String, String, bool)>,
    /// The width of what follows the field in its row (count, ◀ ▶ ✕), as last drawn.
    tail_width: Option<f32>,
}

/// The narrowest the field gets.
const MIN_FIELD_WIDTH: f32 = 80.0;
/// The width of the label picker.
const LABEL_BOX_WIDTH: f32 = 90.0;

impl FindBar {
    pub fn show(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// The matches to outline in the article.
    pub fn highlights(&self) -> &[CharRange] {
        if self.open { &self.matches } else { &[] }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
        let Some(doc) = session.document() else {
            return;
        };
        let key = (
            doc.id,
            doc.sha256().to_owned(),
            self.query.clone(),
            self.case_sensitive,
        );
        if self.key.as_ref() != Some(&key) {
            // Typing in the field (same text): the first match comes into view.
            let typed = self
                .key
                .as_ref()
                .is_some_and(|k| k.0 == key.0 && k.1 == key.1);
            self.matches = find_all(doc.text(), &self.query, self.case_sensitive);
            self.current = 0;
            self.key = Some(key);
            if typed && let Some(first) = self.matches.first() {
                out.push(ViewCommand::Reveal(first.start).into());
            }
        }
        if self.label.is_empty() || !session.project().labels.contains(&self.label) {
            self.label = session
                .project()
                .labels
                .iter()
                .next()
                .map(|l| l.name.clone())
                .unwrap_or_default();
        }
        let n = self.matches.len();
        let mut step = None;
        ui.horizontal(|ui| {
            ui.label("Find:");
            let spacing = ui.spacing().item_spacing.x;
            // Before the first frame has measured them: the count and three buttons.
            let tail_width = self
                .tail_width
                .unwrap_or(5.0 * (ui.spacing().interact_size.x + spacing));
            let field_width = (ui.available_width() - tail_width - spacing).max(MIN_FIELD_WIDTH);
            let response = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .hint_text("text to find")
                        .desired_width(field_width)
                        .id_salt("find-query"),
                )
                .accessible_name("Find");
            if self.focus {
                response.request_focus();
                self.focus = false;
            }
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let tail_start = response.rect.right() + spacing;
            ui.label(if n == 0 {
                "no matches".to_owned()
            } else {
                format!("{} of {n}", self.current + 1)
            });
            if ui
                .add_enabled(n > 0, egui::Button::new("◀"))
                .on_hover_text("Previous match")
                .clicked()
            {
                step = Some(n.saturating_sub(1));
            }
            if ui
                .add_enabled(n > 0, egui::Button::new("▶"))
                .on_hover_text("Next match")
                .clicked()
                || (enter && n > 0)
            {
                step = Some(1);
            }
            if ui.button("✕").on_hover_text("Close (Esc)").clicked() {
                self.open = false;
            }
            // The field fits the row from the next frame on; one more frame, now.
            let tail = ui.min_rect().right() - tail_start;
            if self.tail_width.is_none_or(|w| (tail - w).abs() > 0.5) {
                self.tail_width = Some(tail);
                ui.ctx().request_repaint();
            }
        });
        if let Some(by) = step {
            self.current = (self.current + by) % n;
            let m = self.matches[self.current];
            out.push(ViewCommand::Select(Some(m)).into());
            out.push(ViewCommand::Reveal(m.start).into());
        }
        // Wraps only where even this row does not fit (a very narrow window).
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut self.case_sensitive, "Match case");
            ui.separator();
            egui::ComboBox::from_id_salt("find-label")
                .selected_text(RichText::new(&self.label))
                .width(LABEL_BOX_WIDTH)
                .show_ui(ui, |ui| {
                    for l in session.project().labels.iter() {
                        ui.selectable_value(
                            &mut self.label,
                            l.name.clone(),
                            RichText::new(&l.name)
                                .color(label_color(&session.project().labels, &l.name)),
                        );
                    }
                })
                .response
                .accessible_name("Label for the matches");
            if ui
                .add_enabled(n > 0, egui::Button::new(format!("Tag all {n} matches")))
                .on_hover_ui(|ui| {
                    ui.label(format!("Tag every match as {} (one undo step)", self.label));
                })
                .clicked()
            {
                out.push(
                    EditCommand::TagAll {
                        label: self.label.clone(),
                        ranges: self.matches.clone(),
                    }
                    .into(),
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_in_code_points_ignoring_case() {
        let text = "👋 Drones, DRONES and drones🇺🇦";
        let found = find_all(text, "drones", false);
        assert_eq!(
            found,
            [
                CharRange::new(2, 8),
                CharRange::new(10, 16),
                CharRange::new(21, 27)
            ]
        );
        assert_eq!(find_all(text, "drones", true), [CharRange::new(21, 27)]);
        assert_eq!(find_all(text, "", false), []);
        assert_eq!(find_all("aaaa", "aa", true).len(), 2);
        assert_eq!(find_all("Київ КИЇВ", "київ", false).len(), 2);
        assert_eq!(
            find_all("aabaabaaab", "aab", true),
            [
                CharRange::new(0, 3),
                CharRange::new(3, 6),
                CharRange::new(7, 10)
            ]
        );
        assert_eq!(find_all("abababab", "abab", true).len(), 2);
    }
}
