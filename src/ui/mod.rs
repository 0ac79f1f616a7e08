//! The window's panels, one file each. Panels read the session and emit
//! [`Command`]s; none of them changes the project.

pub mod article;
pub mod bars;
pub mod documents;
pub mod find;
pub mod geometry;
pub mod heights;
pub mod paragraphs;
pub mod spans;
pub mod suggest_bar;

use crate::app::command::{ACTIONS, Command, label_shortcuts};
use crate::app::session::Session;
use crate::model::{LabelSet, Span};
use article::{DocRef, color_of};
use egui::{RichText, Ui};

/// A one-line preview of a span's text: blanks folded, long texts shortened.
pub fn preview(text: &str, max_chars: usize) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() > max_chars {
        let cut: String = folded.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        folded
    }
}

/// The shortcut text of a table action, for menus and tooltips.
pub fn shortcut_text(ctx: &egui::Context, name: &str) -> String {
    ACTIONS
        .iter()
        .find(|a| a.name == name)
        .and_then(|a| a.shortcuts.first())
        .map(|s| ctx.format_shortcut(s))
        .unwrap_or_default()
}

/// The label keys as shown to the user: `Q / 1`.
pub fn label_keys_text(ctx: &egui::Context, key: Option<char>, position: usize) -> String {
    label_shortcuts(key, position)
        .iter()
        .map(|s| ctx.format_shortcut(s))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The right-click menu of the article: tag the selection (or relabel the selected
/// span) and delete the selected span.
pub fn context_menu_ui(ui: &mut Ui, session: &Session, labels: &LabelSet, out: &mut Vec<Command>) {
    let can_tag = session.selection.is_some() || session.selected_span.is_some();
    let verb = if session.selection.is_some() {
        "Tag as"
    } else {
        "Relabel as"
    };
    for (i, label) in labels.iter().enumerate() {
        let text = RichText::new(format!("{verb} {}", label.name)).color(color_of(&label.color));
        let button = egui::Button::new(text).shortcut_text(label_keys_text(ui.ctx(), label.key, i));
        if ui.add_enabled(can_tag, button).clicked() {
            out.push(Command::Tag(label.name.clone()));
            ui.close();
        }
    }
    ui.separator();
    let delete =
        egui::Button::new("Delete span").shortcut_text(shortcut_text(ui.ctx(), "Delete span"));
    if ui
        .add_enabled(session.selected_span.is_some(), delete)
        .clicked()
    {
        out.push(Command::DeleteSelectedSpan);
        ui.close();
    }
}

/// What the pointer is over: every span there, with label and text.
pub fn spans_tooltip_ui(ui: &mut Ui, doc: &DocRef, spans: &[&Span]) {
    for span in spans {
        let text = doc.offsets.slice(doc.text, span.range).unwrap_or("");
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(&span.label)
                    .strong()
                    .color(doc.label_color(&span.label)),
            );
            ui.label(preview(text, 60));
            if let Some(speaker) = span.attributes.get("speaker") {
                ui.weak(format!("— {speaker}"));
            }
        });
    }
}
