//! The suggestions bar above the article: how many suggestions of each label are shown,
//! the selected one, the keys that work them, "accept all" per label and "clear". Its
//! first row is one line whatever is selected (a long text is cut with "…"), so
//! stepping through suggestions never moves the article under the pointer.

use super::theme::label_color;
use crate::session::Session;
use crate::session::{Command, SuggestionCommand};
use crate::suggest::ACCEPT_ALL;
use egui::{Label, RichText, Ui};

/// The keys, after the selected suggestion (cut first when the row is short).
const KEYS_HINT: &str =
    "Enter accepts, Backspace rejects, N / Shift+N next / previous, a click accepts.";

pub fn suggestions_bar_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let list = session.suggestions().list();
    ui.horizontal(|ui| {
        let n = list.len();
        ui.label(format!("{n} suggestion{}", if n == 1 { "" } else { "s" }));
        let text = match &session.suggestions().selected() {
            Some((label, range)) => {
                let text = session
                    .document()
                    .and_then(|d| d.slice(*range))
                    .unwrap_or("");
                format!(
                    "selected: {label} “{}” · {KEYS_HINT}",
                    super::preview(text, 60)
                )
            }
            None => KEYS_HINT.to_owned(),
        };
        ui.add(Label::new(RichText::new(text).weak()).truncate());
    });
    // Wraps only where the row does not fit; it stays as it is while stepping.
    ui.horizontal_wrapped(|ui| {
        for name in session.suggestions().labels() {
            let confident = list
                .iter()
                .filter(|s| &s.label == name && s.confidence >= ACCEPT_ALL)
                .count();
            let color = label_color(&session.project().labels, name);
            let button = egui::Button::new(
                RichText::new(format!("Accept all {confident} {name}")).color(color),
            );
            if ui
                .add_enabled(confident > 0, button)
                .on_hover_text(format!(
                    "Tag every {name} suggestion with confidence ≥ {ACCEPT_ALL} (one undo step)"
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
