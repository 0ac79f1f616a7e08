//! The merge-conflicts bar above the article: the spans two git branches changed
//! differently in this document, each with both versions and a button to keep ours or
//! take theirs (each one undo step).

use super::preview;
use crate::model::{Document, Span};
use crate::session::{Command, ConflictCommand, Session};
use egui::{RichText, Ui};

/// How tall the list may grow before it scrolls.
const MAX_HEIGHT: f32 = 140.0;

fn version(doc: &Document, span: Option<&Span>) -> String {
    match span {
        Some(s) => {
            let text = doc.slice(s.range).unwrap_or("");
            let speaker = s
                .attributes
                .get("speaker")
                .map_or(String::new(), |v| format!(" — {v}"));
            format!("{} {} “{}”{speaker}", s.label, s.range, preview(text, 40))
        }
        None => "deleted".to_owned(),
    }
}

/// Shown while the open document has merge conflicts.
pub fn conflicts_bar_ui(ui: &mut Ui, session: &Session, out: &mut Vec<Command>) {
    let Some(doc) = session.document() else {
        return;
    };
    let n = doc.conflicts().len();
    let s = if n == 1 { "" } else { "s" };
    ui.label(
        RichText::new(format!(
            "{n} merge conflict{s} from git: the two branches changed these spans differently; the project holds ours until you choose"
        ))
        .color(ui.visuals().warn_fg_color),
    );
    egui::ScrollArea::vertical()
        .id_salt("conflicts")
        .max_height(MAX_HEIGHT)
        .show(ui, |ui| {
            for (i, c) in doc.conflicts().iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(format!("ours: {}", version(doc, c.ours.as_ref())));
                    ui.weak("·");
                    ui.label(format!("theirs: {}", version(doc, c.theirs.as_ref())));
                    if ui.small_button("Keep ours").clicked() {
                        out.push(ConflictCommand::KeepOurs(i).into());
                    }
                    if ui.small_button("Take theirs").clicked() {
                        out.push(ConflictCommand::TakeTheirs(i).into());
                    }
                });
            }
        });
}
