//! The suggestions bar above the article: how many suggestions of each label are shown,
//! the keys that work them, "accept all" per label and "clear".

use super::theme::label_color;
use crate::session::Session;
use crate::session::{Command, SuggestionCommand};
use crate::suggest::CONFIDENT;
use egui::{RichText, Ui};

pub fn suggestions_bar_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let list = session.suggestions().list();
    ui.horizontal_wrapped(|ui| {
        let n = list.len();
        ui.label(format!("{n} suggestion{}", if n == 1 { "" } else { "s" }));
        if let Some((label, range)) = &session.suggestions().selected() {
            let text = session
                .document()
                .and_then(|d| d.slice(*range))
                .unwrap_or("");
            ui.weak(format!("selected: {label} “{}”", super::preview(text, 40)));
        }
        ui.weak("Enter accepts, Backspace rejects, N / Shift+N next / previous, a click accepts.");
    });
    ui.horizontal(|ui| {
        for name in session.suggestions().labels() {
            let confident = list
                .iter()
                .filter(|s| &s.label == name && s.confidence >= CONFIDENT)
                .count();
            let color = label_color(&session.project().labels, name);
            let button = egui::Button::new(
                RichText::new(format!("Accept all {confident} {name}")).color(color),
            );
            if ui
                .add_enabled(confident > 0, button)
                .on_hover_text(format!(
                    "Tag every {name} suggestion with confidence ≥ {CONFIDENT} (one undo step)"
                ))
                .clicked()
            {
                out.push(SuggestionCommand::AcceptAll(name.clone()).into());
            }
        }
        if ui.button("Clear suggestions").clicked() {
            out.push(SuggestionCommand::Clear.into());
        }
    });
}
