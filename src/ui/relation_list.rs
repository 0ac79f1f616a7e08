//! The links of the selected span, in the inspector: one row per relation at this
//! end ("→ attributed to “Olena Ivanova”", "← supported by claim “…”"), whose text is
//! a button going to the other end, and a ✕ that deletes the link (one undo step);
//! above them "Link…", which starts linking this span (as R does). Rows are cut to
//! the panel's width, so the list fits a small window; screen readers get each
//! button's full meaning as its name.

use crate::model::{Relation, SpanId};
use crate::session::{Command, RelationCommand, Session, ViewCommand};
use crate::ui::actions::Action;
use crate::ui::preview;
use egui::{RichText, Ui};

/// Rows listed at most (a span with more says how many are left out).
const MAX_LISTED: usize = 50;
/// Characters of the other end's text shown in a row.
const PREVIEW_CHARS: usize = 40;

/// The links of span `span` (of the session's project), with their buttons.
pub fn relations_ui(ui: &mut Ui, session: &Session, span: SpanId, out: &mut Vec<Command>) {
    let Some((doc, _)) = session.project().find_span(span) else {
        return;
    };
    let links: Vec<&Relation> = doc.relations_of(span).collect();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Links").strong());
        if session.linking_from() == Some(span) {
            ui.weak("click the other span, or Tab to it and press Enter; Esc cancels");
        } else {
            let key = Action::LinkSpan.shortcut_text(ui.ctx());
            let start = ui
                .small_button("Link…")
                .on_hover_text(format!("Link this span to another ({key})"))
                .accessible_name("Link this span to another");
            if start.clicked() {
                out.push(RelationCommand::Start.into());
            }
        }
        if links.is_empty() {
            ui.weak("none");
        }
    });
    for r in links.iter().take(MAX_LISTED) {
        let other = r.other_end(span);
        let (label, text) = doc.span(other).map_or(("", String::new()), |s| {
            let text = doc.slice(s.range).unwrap_or("");
            (s.label.as_str(), preview(text, PREVIEW_CHARS))
        });
        let row = if r.from == span {
            format!("→ {} “{text}”", r.kind)
        } else {
            format!("← {} {label} “{text}”", r.kind)
        };
        ui.horizontal(|ui| {
            let delete = ui
                .small_button("✕")
                .on_hover_text("Delete this link (Ctrl+Z undoes)")
                .accessible_name(format!("Delete link {row}"));
            if delete.clicked() {
                out.push(RelationCommand::Remove(r.id).into());
            }
            let go = ui
                .add(egui::Button::new(row.as_str()).small().truncate())
                .on_hover_text(format!("Go to {label} “{text}”"))
                .accessible_name(row.clone());
            if go.clicked() {
                out.push(ViewCommand::JumpToSpan(other).into());
            }
        });
    }
    if links.len() > MAX_LISTED {
        ui.weak(format!("… and {} more", links.len() - MAX_LISTED));
    }
}
