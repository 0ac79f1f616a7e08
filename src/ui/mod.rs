//! The window's panels, one file each. Panels read the session and emit
//! [`Command`]s; none of them changes the project. Their colours and sizes are in
//! [`theme`].

pub mod actions;
pub mod adjudicate;
pub mod article;
pub mod attribute_field;
pub mod bars;
pub mod conflicts;
pub mod desk;
pub mod documents;
pub mod find;
pub mod geometry;
pub mod heights;
pub mod inspector;
pub mod label_editor;
pub mod paragraphs;
pub mod relation_list;
pub mod source_form;
pub mod span_rows;
pub mod spans;
pub mod speaker_menu;
pub mod stats;
pub mod suggest_bar;
pub mod text_mesh;
pub mod theme;

use crate::model::{LabelSet, Span};
use crate::session::Session;
use crate::session::{Command, EditCommand};
use crate::ui::actions::{Action, label_shortcuts};
use article::DocRef;
use egui::{RichText, Ui};

/// The article view's id: it holds the keyboard focus whenever no text field does.
pub const ARTICLE_ID: &str = "spanmark-article";

/// A one-line preview of a span's text: blanks folded, long texts shortened.
/// One pass that stops after `max_chars`, so a long span costs no more than a short one.
pub fn preview(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        for c in (count > 0).then_some(' ').into_iter().chain(word.chars()) {
            if count == max_chars {
                // One more character than fits: end with an ellipsis instead.
                let cut = out.char_indices().last().map_or(0, |(i, _)| i);
                out.truncate(cut);
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
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
/// span), use the selected name as a quote's speaker, copy, delete the selected span.
pub fn context_menu_ui(ui: &mut Ui, session: &Session, labels: &LabelSet, out: &mut Vec<Command>) {
    let can_tag = session.selection().is_some() || session.selected_span().is_some();
    let verb = if session.selection().is_some() {
        "Tag as"
    } else {
        "Relabel as"
    };
    for (i, label) in labels.iter().enumerate() {
        let text = RichText::new(format!("{verb} {}", label.name))
            .color(theme::label_color(labels, &label.name));
        let button = egui::Button::new(text).shortcut_text(label_keys_text(ui.ctx(), label.key, i));
        if ui.add_enabled(can_tag, button).clicked() {
            out.push(EditCommand::Tag(label.name.clone()).into());
            ui.close();
        }
    }
    ui.separator();
    speaker_menu::use_as_speaker_ui(ui, session, out);
    let copy = egui::Button::new("Copy").shortcut_text(Action::Copy.shortcut_text(ui.ctx()));
    if ui
        .add_enabled(session.selected_text().is_some(), copy)
        .clicked()
    {
        out.push(Action::Copy.command());
        ui.close();
    }
    let delete =
        egui::Button::new("Delete span").shortcut_text(Action::DeleteSpan.shortcut_text(ui.ctx()));
    if ui
        .add_enabled(session.selected_span().is_some(), delete)
        .clicked()
    {
        out.push(EditCommand::DeleteSelectedSpan.into());
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
                    .color(theme::label_color(doc.labels, &span.label)),
            );
            ui.label(preview(text, 60));
            if let Some(speaker) = span.attributes.get("speaker") {
                ui.weak(format!("— {speaker}"));
            }
        });
    }
}

/// The coders' spans under the pointer, one line a span: coder, label, text, speaker;
/// a coder without a span there says so.
pub fn coders_tooltip_ui(ui: &mut Ui, doc: &DocRef, coders: &[(&str, Vec<&Span>)]) {
    ui.separator();
    ui.weak("Coders:");
    for (k, (name, spans)) in coders.iter().enumerate() {
        let who = RichText::new(*name).color(adjudicate::coder_color(k));
        if spans.is_empty() {
            ui.horizontal(|ui| {
                ui.label(who.clone());
                ui.weak("nothing here");
            });
        }
        for span in spans {
            ui.horizontal(|ui| {
                ui.label(who.clone());
                spans_tooltip_ui(ui, doc, &[span]);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::preview;

    #[test]
    fn preview_folds_blanks_and_shortens_to_the_limit() {
        assert_eq!(preview("  a\n\n b\tc ", 10), "a b c");
        assert_eq!(preview("abcde", 5), "abcde");
        assert_eq!(preview("abcdef", 5), "abcd…");
        assert_eq!(preview("abcd efgh", 5), "abcd…");
        assert_eq!(preview("👍🏽 ok", 3), "👍🏽…");

        assert_eq!(preview("", 5), "");
        assert_eq!(preview("abc", 0), "…");
    }
}
